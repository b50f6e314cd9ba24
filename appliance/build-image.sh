#!/bin/sh
# Assembles the appliance image: the tree the deb and rpm install, rooted at OUT.
#   build-image.sh JDK APP_TARGET CODEGEN_JAR OUT
# JDK: the JDK whose jlink makes the runtime; APP_TARGET: app/target (cubby.jar, lib/);
# CODEGEN_JAR: picocli-codegen, for the man pages. Run by 'mvn -Ppackages package' (appliance/pom.xml).
set -eu
jdk=$1 app=$2 codegen=$3 out=$4
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")

rm -rf "$out"
lib="$out/usr/lib/cubby"
mkdir -p "$lib" "$out/usr/bin" "$out/etc/cubby" "$out/usr/lib/sysusers.d" "$out/usr/lib/tmpfiles.d" \
    "$out/usr/lib/systemd/system" "$out/usr/lib/systemd/system-generators" "$out/usr/share/man/man1" \
    "$out/usr/share/bash-completion/completions" "$out/usr/share/doc/cubby"

# The runtime holds only the modules Cubby's jars use: jdeps --print-module-deps on app/target/lib
# names java.base, java.management, java.naming, java.sql and jdk.unsupported, plus java.desktop
# for snakeyaml's JavaBean mapping, which Helidon's YAML reading never reaches (left out: it would
# bring AWT's native libraries); jdk.management serves the metrics' process figures. The package
# test runs the server on this runtime with a YAML config, so a missing module fails CI.
"$jdk/bin/jlink" --output "$lib/runtime" \
    --add-modules java.base,java.logging,java.management,java.naming,java.sql,jdk.unsupported,jdk.management \
    --strip-debug --no-man-pages --no-header-files --compress=zip-6
# Native code without its symbol tables (as Debian ships its own JDK), no admin tools, and the
# usual modes for the notices jlink copies read-only.
rm -f "$lib/runtime/bin/keytool"
find "$lib/runtime" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper -o -name jexec \) \
    -exec strip --strip-unneeded {} +
chmod -R u+w,go-w "$lib/runtime"
# The runtime's own legal notices sit beside it; the package's copyright file points to them.
cp "$app/cubby.jar" "$lib/cubby.jar"
cp -r "$app/lib" "$lib/lib"
chmod 644 "$lib/cubby.jar" "$lib"/lib/*.jar

install -m 755 "$here/src/cubby" "$out/usr/bin/cubby"
install -m 644 "$here/src/cubby.yaml" "$out/etc/cubby/cubby.yaml"
install -m 644 "$here/jvm.options" "$out/etc/cubby/jvm.options"
install -m 644 "$here/src/sysusers.conf" "$out/usr/lib/sysusers.d/cubby.conf"
install -m 644 "$here/src/tmpfiles.conf" "$out/usr/lib/tmpfiles.d/cubby.conf"
install -m 644 "$repo/systemd/cubby.service" "$repo/systemd/cubby-mount@.service" "$out/usr/lib/systemd/system/"
install -m 755 "$repo/systemd/cubby-generator" "$out/usr/lib/systemd/system-generators/cubby-generator"
install -m 644 "$repo/README.md" "$out/usr/share/doc/cubby/README.md"

# Man pages and bash completion, generated from the picocli commands so they never drift from --help.
classpath="$app/cubby.jar:$codegen"
for jar in "$app"/lib/*.jar; do classpath="$classpath:$jar"; done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$jdk/bin/java" -cp "$classpath" picocli.codegen.docgen.manpage.ManPageGenerator -d "$work" dev.cubby.cli.Main
for page in "$work"/*.adoc; do
    asciidoctor -b manpage -a reproducible -D "$work" "$page"
done
for page in "$work"/*.1; do
    gzip -9n < "$page" > "$out/usr/share/man/man1/$(basename "$page").gz"
done
"$jdk/bin/java" -cp "$classpath" picocli.AutoComplete -f -n cubby \
    -o "$out/usr/share/bash-completion/completions/cubby" dev.cubby.cli.Main
# A completion script is sourced, not run: no #! line.
sed -i '1{/^#!/d}' "$out/usr/share/bash-completion/completions/cubby"
chmod 644 "$out/usr/share/bash-completion/completions/cubby" "$out"/usr/share/man/man1/*.gz
