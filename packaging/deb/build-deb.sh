#!/bin/sh
# Builds the .deb from the appliance image with dpkg-deb (no debhelper: the image is already the
# installed tree). Run by 'mvn -Ppackages package' (packaging/pom.xml).
#   build-deb.sh IMAGE VERSION ARCH OUT_DIR
set -eu
image=$1 version=$2 arch=$3 out=$4
here=$(cd "$(dirname "$0")" && pwd)
stage="$out/deb-stage"

rm -rf "$stage"
mkdir -p "$stage/DEBIAN" "$out"
cp -a "$image/." "$stage/"
# Debian 12 keeps systemd's units and generators under /lib.
mkdir -p "$stage/lib"
mv "$stage/usr/lib/systemd" "$stage/lib/systemd"
install -m 644 "$here/copyright" "$stage/usr/share/doc/cubby/copyright"
install -D -m 644 "$here/lintian-overrides" "$stage/usr/share/lintian/overrides/cubby"
printf 'cubby (%s) unstable; urgency=medium\n\n  * Built from the Cubby sources; see /usr/share/doc/cubby/README.md.\n\n -- Cubby maintainers <maintainers@cubby.dev>  %s\n' \
    "$version" "$(date -R -u -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}")" | gzip -9n > "$stage/usr/share/doc/cubby/changelog.gz"
find "$stage" -type d -exec chmod 755 {} +

size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" "$here/control" > "$stage/DEBIAN/control"
install -m 644 "$here/conffiles" "$stage/DEBIAN/conffiles"
install -m 755 "$here/postinst" "$here/prerm" "$here/postrm" "$stage/DEBIAN/"
(cd "$stage" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum > DEBIAN/md5sums)
chmod 644 "$stage/DEBIAN/md5sums"

dpkg-deb --root-owner-group -Zxz --build "$stage" "$out/cubby_${version}_${arch}.deb"
rm -rf "$stage"
