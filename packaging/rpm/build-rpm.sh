#!/bin/sh
# Builds the .rpm from the appliance image with rpmbuild (Debian's 'rpm' package is enough).
# Run by 'mvn -Ppackages package' (packaging/pom.xml).
#   build-rpm.sh IMAGE VERSION ARCH OUT_DIR
set -eu
image=$1 version=$2 arch=$3 out=$4
here=$(cd "$(dirname "$0")" && pwd)
top="$out/rpmbuild"
rm -rf "$top"
mkdir -p "$top"
rpmbuild -bb --quiet \
    --define "_topdir $top" \
    --define "_rpmdir $out" \
    --define "_build_name_fmt %%{NAME}-%%{VERSION}-%%{RELEASE}.%%{ARCH}.rpm" \
    --define "_unitdir /usr/lib/systemd/system" \
    --define "_sysusersdir /usr/lib/sysusers.d" \
    --define "_tmpfilesdir /usr/lib/tmpfiles.d" \
    --define "image $image" \
    --define "pkg_version $version" \
    --define "pkg_arch $arch" \
    --target "$arch" \
    "$here/cubby.spec"
rm -rf "$top"
