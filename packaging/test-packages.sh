#!/usr/bin/env bash
# The package test (run by .ci/run after 'bin/cubby-dev test -Ppackages'): checks the built .deb
# and .rpm, then installs the .deb on this machine, runs the installed server as the 'cubby' user
# with the packaged config, drives it with the AWS CLI, upgrades to a rebuilt package with a higher
# version (the same image repacked by build-deb.sh, as the Maven build does), removes and purges
# it. It needs root and Debian's apt, dpkg, lintian, rpm and awscli.
# systemd need not run (it is not PID 1 in CI's container): the server is started by hand, as the
# unit would, and the units are checked with systemd-analyze verify. The AWS CLI is Debian's (awscli).
# Whatever happens, the package is purged and the user and folders it made are removed again.
set -euo pipefail
cd "$(dirname "$0")/.."

deb=$(ls packaging/target/cubby_*.deb | tail -1)
rpm=$(ls packaging/target/cubby-*.rpm | tail -1)
image=appliance/target/image
# Checked before the cleanup is armed: it purges, and must never purge an installation (or the
# configuration a removed one left) that was here before the test.
case "$(dpkg-query -W -f='${db:Status-Status}' cubby 2>/dev/null || true)" in
    ''|not-installed) ;;
    *) echo "FAIL: a cubby package (or its configuration) is already here; the test would replace it" >&2; exit 1 ;;
esac
work=$(mktemp -d /tmp/cubby-package-test.XXXXXX)
chmod 755 "$work"
server_pid=
had_user=$(id -u cubby >/dev/null 2>&1 && echo yes || echo no)
had_state=$([ -e /var/lib/cubby ] && echo yes || echo no)

step() { printf '\n== %s\n' "$*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_file() { [ -e "$1" ] || fail "missing $1"; }
expect_gone() { [ ! -e "$1" ] && [ ! -L "$1" ] || fail "$1 should be gone"; }
# What `systemctl enable cubby-mount@mnt-nas` links: purge must not leave it dangling.
mount_link=/etc/systemd/system/multi-user.target.wants/cubby-mount@mnt-nas.service

cleanup() {
    status=$?
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    case "$(dpkg-query -W -f='${db:Status-Status}' cubby 2>/dev/null || true)" in ''|not-installed) ;; *)
        DEBIAN_FRONTEND=noninteractive dpkg --purge cubby >/dev/null || true ;;
    esac
    [ "$had_state" = yes ] || rm -rf /var/lib/cubby
    [ "$had_user" = yes ] || ! id cubby >/dev/null 2>&1 || userdel cubby || true
    getent group cubby >/dev/null && [ "$had_user" = no ] && groupdel cubby 2>/dev/null || true
    rm -rf "$work"
    rm -f "$mount_link"
    if [ $status -eq 0 ]; then echo "package test: passed"; else echo "package test: FAILED" >&2; fi
}
trap cleanup EXIT

step "deb: contents, conffiles, scripts"
version=$(dpkg-deb -f "$deb" Version)
dpkg-deb -c "$deb" | awk '{print $6}' > "$work/deb-files"
for path in ./usr/bin/cubby ./usr/lib/cubby/cubby.jar ./usr/lib/cubby/runtime/bin/java \
        ./etc/cubby/cubby.yaml ./etc/cubby/jvm.options ./lib/systemd/system/cubby.service \
        ./lib/systemd/system/cubby-mount@.service ./lib/systemd/system-generators/cubby-generator \
        ./usr/lib/sysusers.d/cubby.conf ./usr/lib/tmpfiles.d/cubby.conf ./usr/share/man/man1/cubby.1.gz \
        ./usr/share/man/man1/cubby-serve.1.gz ./usr/share/bash-completion/completions/cubby \
        ./usr/share/doc/cubby/copyright ./usr/share/doc/cubby/README.md; do
    grep -qxF "$path" "$work/deb-files" || fail "the .deb lacks $path"
done
! grep -q '^\./var/lib/cubby' "$work/deb-files" || fail "the .deb must not ship /var/lib/cubby (made by tmpfiles.d)"
dpkg-deb -I "$deb" conffiles > "$work/conffiles"
diff -u <(printf '/etc/cubby/cubby.yaml\n/etc/cubby/jvm.options\n') "$work/conffiles" || fail "conffiles differ"
for script in postinst prerm postrm; do
    dpkg-deb -I "$deb" "$script" > "$work/$script" || fail "no $script"
    sh -n "$work/$script" || fail "$script has a syntax error"
done
grep -q 'deb-systemd-helper enable cubby.service' "$work/postinst" || fail "postinst does not enable the service"
grep -q 'deb-systemd-invoke restart cubby.service' "$work/postinst" || fail "postinst does not restart on upgrade"
grep -q 'deb-systemd-invoke stop cubby.service' "$work/prerm" || fail "prerm does not stop the service"
! grep -v '^ *#' "$work/postrm" | grep -q '/var/lib/cubby' || fail "postrm must not touch /var/lib/cubby"

step "deb: lintian"
lintian --fail-on error,warning "$deb" || fail "lintian found problems in $deb"

step "rpm: contents, config files, scriptlets"
rpm -qp --qf '%{VERSION}\n' "$rpm" | grep -qxF "$version" || fail "the .rpm's version is not $version"
rpm -qp --list "$rpm" > "$work/rpm-files"
for path in /usr/bin/cubby /usr/lib/cubby/cubby.jar /usr/lib/cubby/runtime/bin/java /etc/cubby/cubby.yaml \
        /usr/lib/systemd/system/cubby.service /usr/lib/systemd/system-generators/cubby-generator \
        /usr/lib/sysusers.d/cubby.conf /usr/lib/tmpfiles.d/cubby.conf /usr/share/man/man1/cubby.1.gz \
        /usr/share/bash-completion/completions/cubby; do
    grep -qxF "$path" "$work/rpm-files" || fail "the .rpm lacks $path"
done
diff -u <(printf '/etc/cubby/cubby.yaml\n/etc/cubby/jvm.options\n') <(rpm -qp --configfiles "$rpm") \
    || fail "the .rpm's config files differ"
diff -u <(printf '/etc/cubby/cubby.yaml cn\n/etc/cubby/jvm.options cn\n') \
    <(rpm -qp --qf '[%{FILENAMES} %{FILEFLAGS:fflags}\n]' "$rpm" | grep '^/etc/cubby/') \
    || fail "the .rpm's config files are not %config(noreplace)"
rpm -qp --scripts "$rpm" > "$work/rpm-scripts"
for expected in 'systemd-sysusers' 'systemctl enable cubby.service' 'disable --now cubby.service' \
        'try-restart cubby.service'; do
    grep -qF "$expected" "$work/rpm-scripts" || fail "the .rpm's scriptlets lack '$expected'"
done
! grep -v '^ *#' "$work/rpm-scripts" | grep -q '/var/lib/cubby' || fail "the .rpm's scriptlets must not touch /var/lib/cubby"

step "maintainer scripts and rpm scriptlets: every argument form, booted or not, tools failing"
# Each script runs with the systemd tools replaced by stubs that log their call (and fail when
# told to), in a mount namespace whose /run says whether systemd is booted: the install must
# never fail in a container or chroot, and each form must do what Policy / Fedora expect.
stubs="$work/stubs"
mkdir -p "$stubs"
for tool in systemctl deb-systemd-helper deb-systemd-invoke systemd-sysusers systemd-tmpfiles; do
    printf '#!/bin/sh\necho "%s $*" >> "$CALLS"\n[ %s = systemd-sysusers ] || exit "${STUB_STATUS:-0}"\n' \
        "$tool" "$tool" > "$stubs/$tool"
    chmod 755 "$stubs/$tool"
done
for form in postin preun postun; do
    rpm -qp --qf "%{${form^^}}\n" "$rpm" > "$work/rpm-$form"
done
# run_script booted|offline ok|failing SCRIPT ARGS...: runs it, leaves its calls in $work/calls.
run_script() {
    local booted=$1 tools=$2 script=$3; shift 3
    : > "$work/calls"
    unshare -m sh -c 'mount -t tmpfs tmpfs /run && if [ "$0" = booted ]; then mkdir -p /run/systemd/system; fi
        exec "$@"' "$booted" \
        env PATH="$stubs:$PATH" CALLS="$work/calls" STUB_STATUS="$([ "$tools" = failing ] && echo 1 || echo 0)" \
        sh -e "$work/$script" "$@" \
        || fail "$script $* exits non-zero ($booted, tools $tools): $(cat "$work/calls")"
}
called() { grep -qxF "$1" "$work/calls"; }
for booted in booted offline; do
    for tools in ok failing; do
        for args in configure "configure 0.0.1" "abort-upgrade $version" abort-remove "abort-deconfigure"; do
            # shellcheck disable=SC2086
            run_script $booted $tools postinst $args
        done
        for args in remove "upgrade $version" "failed-upgrade 0.0.1" "deconfigure in-favour other 1 removing cubby $version"; do
            # shellcheck disable=SC2086
            run_script $booted $tools prerm $args
        done
        for args in remove purge "upgrade $version" "failed-upgrade 0.0.1" abort-install "abort-install 0.0.1" \
                "abort-upgrade 0.0.1" "disappear other 1"; do
            # shellcheck disable=SC2086
            run_script $booted $tools postrm $args
        done
        for n in 1 2; do run_script $booted $tools rpm-postin "$n"; done
        for n in 0 1; do run_script $booted $tools rpm-preun "$n"; run_script $booted $tools rpm-postun "$n"; done
    done
done
run_script booted ok postinst configure
called "systemd-sysusers cubby.conf" && called "systemd-tmpfiles --create cubby.conf" \
    && called "deb-systemd-helper enable cubby.service" && called "deb-systemd-invoke start cubby.service" \
    || fail "postinst configure (first install) does not make the user, enable and start: $(cat "$work/calls")"
run_script booted ok postinst configure 0.0.1
called "deb-systemd-invoke restart cubby.service" || fail "postinst does not restart on upgrade"
run_script offline ok postinst configure
called "deb-systemd-helper enable cubby.service" && ! grep -q '^systemctl\|^deb-systemd-invoke' "$work/calls" \
    || fail "postinst without a booted systemd must enable only: $(cat "$work/calls")"
run_script booted ok prerm upgrade "$version"
[ ! -s "$work/calls" ] || fail "prerm upgrade must not stop the service (postinst restarts it)"
run_script booted ok prerm remove
called "deb-systemd-invoke stop cubby.service cubby-mount@*.service" || fail "prerm remove does not stop the services"
run_script booted ok postrm remove
called "deb-systemd-helper mask cubby.service" || fail "postrm remove does not mask"
run_script booted ok postrm purge
called "deb-systemd-helper purge cubby.service" && called "deb-systemd-helper unmask cubby.service" \
    || fail "postrm purge does not forget the unit's links"
run_script booted ok rpm-postin 1
called "systemctl enable cubby.service" && called "systemctl start cubby.service" || fail "rpm %post 1 does not enable and start"
run_script booted ok rpm-postin 2
! grep -q '^systemctl \(enable\|start\)' "$work/calls" || fail "rpm %post 2 (upgrade) must not enable or start"
run_script booted ok rpm-preun 0
called "systemctl --no-reload disable --now cubby.service" && called "systemctl stop cubby-mount@*.service" \
    || fail "rpm %preun 0 (erase) does not stop and disable: $(cat "$work/calls")"
run_script booted ok rpm-preun 1
[ ! -s "$work/calls" ] || fail "rpm %preun 1 (upgrade) must not stop anything: $(cat "$work/calls")"
run_script booted ok rpm-postun 1
called "systemctl try-restart cubby.service" || fail "rpm %postun 1 (upgrade) does not restart"
run_script booted ok rpm-postun 0
! grep -q 'restart' "$work/calls" || fail "rpm %postun 0 (erase) must not restart"

step "install $deb"
cp "$deb" "$work/"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$work/$(basename "$deb")" </dev/null >/dev/null
id cubby >/dev/null || fail "no cubby user after install"
[ "$(stat -c '%U %a' /var/lib/cubby)" = "cubby 700" ] || fail "/var/lib/cubby is not cubby's, mode 700"
[ -L /etc/systemd/system/multi-user.target.wants/cubby.service ] || fail "cubby.service is not enabled"
/usr/bin/cubby --version | grep -qF "${version%%~*}" || fail "cubby --version does not name ${version%%~*}"
systemd-analyze verify /lib/systemd/system/cubby.service || fail "systemd-analyze verify cubby.service"
cp /lib/systemd/system/cubby-mount@.service "$work/cubby-mount@srv-test.service"
systemd-analyze verify "$work/cubby-mount@srv-test.service" || fail "systemd-analyze verify cubby-mount@"

step "configure: the served tree and a free port, in the packaged config"
nas="$work/nas"
mkdir -p "$nas/photos"
echo "written over Samba" > "$nas/photos/samba.txt"
chown -R cubby:cubby "$nas"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
sed -i -e "s|^root: .*|root: $nas|" -e "s|^address: .*|address: 127.0.0.1|" -e "s|^port: .*|port: $port|" \
    /etc/cubby/cubby.yaml
/lib/systemd/system-generators/cubby-generator "$work/generated" "$work/generated" "$work/generated"
grep -qxF "ReadWritePaths=\"-$nas\"" "$work/generated/cubby.service.d/50-cubby-yaml.conf" \
    || fail "the generator does not open the served tree: $(cat "$work/generated/cubby.service.d/50-cubby-yaml.conf")"

printf 'root: "/home/nas/My Share"\nport: 443\nbuckets:\n  photos: /srv/nas/Photos 2024  # moved\n' > "$work/low.yaml"
CUBBY_GENERATOR_CONFIG="$work/low.yaml" /lib/systemd/system-generators/cubby-generator "$work/low"
for line in 'ReadWritePaths="-/home/nas/My Share"' 'ProtectHome=no' 'ReadWritePaths="-/srv/nas/Photos 2024"' \
        'AmbientCapabilities=CAP_NET_BIND_SERVICE' 'CapabilityBoundingSet=CAP_NET_BIND_SERVICE'; do
    grep -qxF "$line" "$work/low/cubby.service.d/50-cubby-yaml.conf" || fail "the generator did not write $line"
done
! grep -q 'CAP_NET_BIND_SERVICE\|ProtectHome' "$work/generated/cubby.service.d/50-cubby-yaml.conf" \
    || fail "the generator grants more than port $port and $nas need"

# YAML the generator must read as Cubby does: quotes (a '#' inside is no comment), a spaced key,
# '%' (a unit specifier to systemd), CRLF line ends; a missing file makes no drop-in.
printf '%s\r\n' "root : '/srv/it''s #1' # c" 'tls-port: "80"' 'buckets:' '  a: "/srv/100%s \"q\""' > "$work/edge.yaml"
CUBBY_GENERATOR_CONFIG="$work/edge.yaml" /lib/systemd/system-generators/cubby-generator "$work/edge"
for line in "ReadWritePaths=\"-/srv/it's #1\"" 'ReadWritePaths="-/srv/100%%s \"q\""' \
        'CapabilityBoundingSet=CAP_NET_BIND_SERVICE'; do
    grep -qxF "$line" "$work/edge/cubby.service.d/50-cubby-yaml.conf" \
        || fail "the generator did not write $line: $(cat -A "$work/edge/cubby.service.d/50-cubby-yaml.conf")"
done
cp /lib/systemd/system/cubby.service "$work/edge/"
SYSTEMD_UNIT_PATH="$work/edge:" systemd-analyze verify cubby.service 2>&1 | tee "$work/verify.txt"
! grep -q 'cubby' "$work/verify.txt" || fail "systemd-analyze verify complains about the unit or the generated drop-in"
CUBBY_GENERATOR_CONFIG="$work/none.yaml" /lib/systemd/system-generators/cubby-generator "$work/none" \
    || fail "the generator fails without a config"
expect_gone "$work/none/cubby.service.d"

start_server() { # as the unit does: the cubby user, the packaged config, the launcher
    runuser -u cubby -- /usr/bin/cubby serve --config /etc/cubby/cubby.yaml >> "$work/server.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 100); do
        if curl -fs "http://127.0.0.1:$port/-/health" >/dev/null; then return 0; fi
        kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; fail "the server exited"; }
        sleep 0.3
    done
    cat "$work/server.log"; fail "the server did not answer /-/health"
}
stop_server() {
    kill -TERM "$server_pid"
    wait "$server_pid" || true
    server_pid=
}
s3() { /usr/bin/aws --endpoint-url "http://127.0.0.1:$port" --region us-east-1 "$@"; }

step "run the installed server as cubby and drive it with the AWS CLI"
start_server
export AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY
AWS_ACCESS_KEY_ID=$(sed -n 's/^ *access key id: *//p' "$work/server.log")
AWS_SECRET_ACCESS_KEY=$(sed -n 's/^ *secret access key: *//p' "$work/server.log")
unset AWS_CA_BUNDLE AWS_PROFILE
[ -n "$AWS_ACCESS_KEY_ID" ] || { cat "$work/server.log"; fail "no admin key printed on first start"; }
s3 s3 ls s3://photos/ | grep -q samba.txt || fail "a file in the tree is not listed"
head -c 3000000 /dev/urandom > "$work/upload.bin"
s3 s3 cp --quiet "$work/upload.bin" s3://photos/upload.bin
cmp "$work/upload.bin" "$nas/photos/upload.bin" || fail "the upload is not a plain file in the tree"
s3 s3 cp --quiet s3://photos/samba.txt "$work/samba.txt"
cmp "$work/samba.txt" "$nas/photos/samba.txt" || fail "download differs"
runuser -u cubby -- /usr/bin/cubby keys create --name ci --grant photos:ro > "$work/key.txt" \
    || fail "cubby keys create as the cubby user"
grep -q "Created" "$work/key.txt" || fail "cubby keys create printed no key"
/usr/bin/cubby keys list | grep -q ci || fail "cubby keys list as root does not show the key"
[ -z "$(find /var/lib/cubby ! -user cubby)" ] || fail "files in /var/lib/cubby not owned by cubby: \
$(find /var/lib/cubby ! -user cubby)"
stop_server

step "upgrade to a rebuilt package with a higher version"
version2="$version.1"
packaging/deb/build-deb.sh "$image" "$version2" "$(dpkg-deb -f "$deb" Architecture)" "$work" >/dev/null
echo "# kept across upgrades" >> /etc/cubby/jvm.options
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$work/cubby_${version2}_$(dpkg-deb -f "$deb" Architecture).deb" \
    </dev/null >/dev/null
[ "$(dpkg-query -W -f='${Version}' cubby)" = "$version2" ] || fail "not upgraded to $version2"
grep -qxF "root: $nas" /etc/cubby/cubby.yaml || fail "the config edit was lost on upgrade"
grep -qxF "# kept across upgrades" /etc/cubby/jvm.options || fail "the jvm.options edit was lost on upgrade"
start_server
grep -q "Admin access key id: $AWS_ACCESS_KEY_ID" "$work/server.log" || fail "the admin key changed on upgrade"
s3 s3 ls s3://photos/ | grep -q upload.bin || fail "the old admin key does not work after upgrade"
stop_server

step "remove: service files gone, config and data kept"
DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq cubby </dev/null >/dev/null
[ "$(dpkg-query -W -f='${Status}' cubby)" = "deinstall ok config-files" ] || fail "not in config-files state"
expect_gone /usr/bin/cubby
expect_gone /usr/lib/cubby
expect_file /etc/cubby/cubby.yaml
expect_file "$nas/photos/upload.bin"
[ -n "$(ls /var/lib/cubby)" ] || fail "the keys in /var/lib/cubby were removed"
mkdir -p "$(dirname "$mount_link")"
ln -s /usr/lib/systemd/system/cubby-mount@.service "$mount_link"

step "purge: config gone, data and keys untouched"
DEBIAN_FRONTEND=noninteractive dpkg --purge cubby >/dev/null
expect_gone /etc/cubby
expect_gone /etc/systemd/system/multi-user.target.wants/cubby.service
expect_gone "$mount_link"
cmp "$work/upload.bin" "$nas/photos/upload.bin" || fail "purge touched the served tree"
expect_file "$nas/photos/samba.txt"
[ -n "$(ls /var/lib/cubby)" ] || fail "purge removed the keys in /var/lib/cubby"
