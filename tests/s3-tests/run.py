#!/usr/bin/python3
"""Runs the ceph s3-tests conformance suite against the built Cubby jar.

Starts the server on a free port over a fresh root and state folder, makes the suite's three
users as Cubby keys, runs the main selection with Debian's pytest, and compares every result
with expected-failures.txt: a failure not listed, or a listed test that passes, fails the run
(so the list only shrinks). Prints a table per family; --readme rewrites the table in README.md.

Usage: run.py --jar app/target/cubby.jar [--suite DIR] [--readme README.md] [-k EXPR] [--keep]
"""
import argparse
import collections
import configparser
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
import xml.etree.ElementTree as ElementTree  # only for pytest's own junit report

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.dirname(os.path.dirname(HERE))
EXPECTED = os.path.join(HERE, "expected-failures.txt")
FAMILIES = os.path.join(HERE, "families.txt")

# The main selection: everything in test_s3.py but the families of other services
# (IAM, STS, SNS, s3select), bucket logging, and transitions to other storage classes or clouds.
EXCLUDED_MARKERS = [
    "fails_on_aws", "bucket_logging", "bucket_logging_cleanup", "iam_account", "iam_cross_account",
    "iam_role", "iam_tenant", "iam_user", "user_policy", "role_policy", "group_policy", "session_policy",
    "test_of_sts", "sns", "s3select", "cloud_transition", "cloud_restore", "lifecycle_transition",
    "lifecycle_expiration", "webidentity_test", "abac_test", "token_claims_trust_policy_test",
    "token_principal_tag_role_policy_test", "token_request_tag_trust_policy_test",
    "token_resource_tags_test", "token_role_tags_test", "token_tag_keys_test", "group",
]
ADMIN_ID = "AKIDCUBBYS3TESTS0001"
ADMIN_SECRET = "s3testsAdminSecret/0123456789+abcdefghij"
NO_REASON = "(no reason yet)"
DEBIAN_PACKAGES = "/usr/lib/python3/dist-packages"
# boto3 1.36 added the flexible checksums (ChecksumType, CRC64NVME) and IfNoneMatch on completion
# that about a dozen tests pass; expected failures whose reason starts with OLD_BOTO3_REASON are
# expected only when the suite runs with an older boto3.
NEW_BOTO3 = (1, 36)
OLD_BOTO3_REASON = "needs boto3 >= 1.36"
README_START = "<!-- s3-tests table: written by tests/s3-tests/run.py --readme -->"
README_END = "<!-- end of s3-tests table -->"


def boto3_version(python):
    """The boto3 version this interpreter imports (with Debian's packages behind its own), or None."""
    probe = "import sys; sys.path.append(%r); import boto3, pytest, munch, isodate, lxml; print(boto3.__version__)" \
        % DEBIAN_PACKAGES
    try:
        out = subprocess.run([python, "-c", probe], capture_output=True, text=True, timeout=60)
    except OSError:
        return None
    return tuple(int(p) for p in out.stdout.strip().split(".")[:2]) if out.returncode == 0 else None


def choose_python(wanted):
    """The interpreter that runs the suite: the first python3 on PATH when its boto3 is new enough
    for every test (Debian's packages fill in what it lacks), else Debian's own."""
    candidates = [wanted] if wanted else [shutil.which("python3"), "/usr/bin/python3"]
    for python in candidates:
        version = python and boto3_version(python)
        if version and (version >= NEW_BOTO3 or python == candidates[-1]):
            return python, version
    sys.exit("s3-tests: no python3 with boto3, pytest, munch, isodate and lxml: apt-get install python3-boto3 "
             "python3-pytest python3-munch python3-isodate python3-lxml")


def find_suite():
    for candidate in (os.environ.get("S3TESTS_DIR"), os.path.join(PROJECT, "..", "shared", "s3-tests"),
                      "/work/shared/s3-tests"):
        if candidate and os.path.isfile(os.path.join(candidate, "s3tests", "functional", "test_s3.py")):
            return os.path.abspath(candidate)
    sys.exit("s3-tests: the suite was not found; set S3TESTS_DIR to a checkout of ceph/s3-tests")


def java():
    home = os.environ.get("JAVA_HOME")
    return os.path.join(home, "bin", "java") if home else "java"


def cubby(jar, *args, env=None):
    return subprocess.run([java(), "-jar", jar, *args], check=True, capture_output=True, text=True,
                          env=env).stdout


def start_server(jar, root, state, log_path):
    env = dict(os.environ, CUBBY_ACCESS_KEY_ID=ADMIN_ID, CUBBY_SECRET_ACCESS_KEY=ADMIN_SECRET)
    log = open(log_path, "w")
    process = subprocess.Popen([java(), "-jar", jar, "serve", "--root", root, "--state", state,
                                "--address", "127.0.0.1", "--port", "0"],
                               stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    deadline = time.time() + 30
    while time.time() < deadline:
        with open(log_path) as f:
            found = re.search(r"^Cubby serves .* at http://127\.0\.0\.1:(\d+)", f.read(), re.M)
        if found:
            port = int(found.group(1))
            wait_healthy(port)
            return process, port
        if process.poll() is not None:
            break
        time.sleep(0.1)
    process.kill()
    with open(log_path) as f:
        sys.exit("s3-tests: cubby did not start:\n" + f.read())


def wait_healthy(port):
    for _ in range(100):
        try:
            urllib.request.urlopen("http://127.0.0.1:%d/-/health" % port, timeout=2)
            return
        except Exception:
            time.sleep(0.1)


def make_key(jar, state, name, grants, flags=()):
    args = ["keys", "create", "--state", state, "--name", name, *flags]
    for grant in grants:
        args += ["--grant", grant]
    out = cubby(jar, *args)
    key_id = re.search(r"access key id:\s+(\S+)", out).group(1)
    secret = re.search(r"secret access key:\s+(\S+)", out).group(1)
    canonical = re.search(r"canonical user id:\s+([0-9a-f]{64})", out)
    return key_id, secret, canonical.group(1) if canonical else key_id


def write_config(path, port, users):
    config = configparser.ConfigParser(interpolation=None)
    config["DEFAULT"] = {"host": "127.0.0.1", "port": str(port), "is_secure": "False", "ssl_verify": "False"}
    config["fixtures"] = {"bucket prefix": "s3t-{random}-", "iam name prefix": "s3-tests-",
                          "iam path prefix": "/s3-tests/"}
    for section, user in users.items():
        config["s3 " + section] = user
    # The IAM families are outside the selection, but the suite's configure() reads these sections:
    # keys that do not exist, so nothing the suite tries through them can touch the server.
    for section, number in (("iam", 1), ("iam root", 2), ("iam alt root", 3)):
        config[section] = {"access_key": "AKIDNOTACUBBYKEY000%d" % number, "secret_key": "not-a-secret",
                           "user_id": "none%d" % number, "email": "none%d@cubby.invalid" % number,
                           "display_name": "none%d" % number}
    with open(path, "w") as f:
        config.write(f)


def write_expected(results, old, keep_old_boto3):
    """Rewrites the list as this run's failures; with a new boto3, the entries only an older one
    fails stay (this run could not tell)."""
    with open(EXPECTED) as f:
        header = [line for line in f if line.startswith("#")]
    failed = {n for n, o in results.items() if o != "passed"}
    if keep_old_boto3:
        failed |= {n for n, r in old.items() if r.startswith(OLD_BOTO3_REASON) and n in results}
    with open(EXPECTED, "w") as f:
        f.writelines(header)
        for name in sorted(failed):
            f.write("%s %s\n" % (name, old.get(name, NO_REASON)))


def read_expected(strict=True):
    expected = {}
    with open(EXPECTED) as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, _, reason = line.partition(" ")
            if not reason.strip() or reason.strip() == NO_REASON:
                if strict:
                    sys.exit("s3-tests: %s:%d gives no reason for %s" % (EXPECTED, number, name))
            expected[name] = reason.strip()
    return expected


def read_families():
    """(family, regex) in order: the first whose regex matches a test's name names its family."""
    families = []
    with open(FAMILIES) as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                family, pattern = line.split(None, 1)
                families.append((family, re.compile(pattern)))
    return families


def family_of(name, families):
    for family, pattern in families:
        if pattern.search(name):
            return family
    return "other"


def read_results(junit):
    results = {}
    for case in ElementTree.parse(junit).getroot().iter("testcase"):
        name = case.get("name")
        if case.find("skipped") is not None:
            results[name] = "skipped"
        elif case.find("failure") is not None or case.find("error") is not None:
            results[name] = "failed"
        else:
            results[name] = "passed"
    return results


def table(results, families):
    counts = collections.OrderedDict((family, [0, 0]) for family, _ in families)
    counts["other"] = [0, 0]
    for name, outcome in results.items():
        count = counts[family_of(name, families)]
        count[1] += 1
        if outcome == "passed":
            count[0] += 1
    passed = sum(c[0] for c in counts.values())
    lines = ["| family | passed | of |", "|---|---:|---:|"]
    for family, (ok, total) in counts.items():
        if total:
            lines.append("| %s | %d | %d |" % (family, ok, total))
    lines.append("| **total** | **%d** | **%d** |" % (passed, len(results)))
    return "\n".join(lines), passed


def update_readme(path, text):
    with open(path) as f:
        readme = f.read()
    start, end = readme.find(README_START), readme.find(README_END)
    if start < 0 or end < 0:
        sys.exit("s3-tests: %s has no table markers (%s ... %s)" % (path, README_START, README_END))
    readme = readme[:start + len(README_START)] + "\n" + text + "\n" + readme[end:]
    with open(path, "w") as f:
        f.write(readme)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jar", default=os.path.join(PROJECT, "app", "target", "cubby.jar"))
    parser.add_argument("--suite", default=None)
    parser.add_argument("--readme", default=None, help="rewrite the families table in this README")
    parser.add_argument("-k", dest="keyword", default=None, help="run only tests matching (no list check)")
    parser.add_argument("--python", default=None, help="interpreter to run the suite with (default: see choose_python)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder and print it")
    parser.add_argument("--results", default=None, help="write 'name outcome' lines here")
    parser.add_argument("--update-expected", action="store_true",
                        help="rewrite expected-failures.txt as this run's failures, keeping the reasons listed "
                             "before; a new failure gets '%s', which the check refuses until replaced" % NO_REASON)
    args = parser.parse_args()
    suite = args.suite or find_suite()
    python, boto3 = choose_python(args.python)
    print("s3-tests: running the suite with %s (boto3 %d.%d)" % (python, *boto3))
    jar = os.path.abspath(args.jar)
    work = tempfile.mkdtemp(prefix="cubby-s3tests-")
    root, state = os.path.join(work, "root"), os.path.join(work, "state")
    os.makedirs(root)
    process, port = start_server(jar, root, state, os.path.join(work, "server.log"))
    try:
        users = {}
        for section, name in (("main", "s3tests-main"), ("alt", "s3tests-alt"), ("tenant", "s3tests-tenant")):
            key_id, secret, user_id = make_key(jar, state, name, [], ["--create-buckets"])
            users[section] = {"display_name": name, "user_id": user_id, "email": name + "@cubby.invalid",
                              "access_key": key_id, "secret_key": secret}
        users["tenant"]["tenant"] = "testx"
        conf = os.path.join(work, "s3tests.conf")
        write_config(conf, port, users)
        junit = os.path.join(work, "junit.xml")
        marker = " and ".join("not " + m for m in EXCLUDED_MARKERS)
        command = [python, "-c", "import sys; sys.path.append(%r); import pytest; sys.exit(pytest.main(sys.argv[1:]))"
                   % DEBIAN_PACKAGES, "-p", "no:cacheprovider", "-q", "-rN", "--tb=no",
                   "-o", "junit_family=xunit1", "--junitxml", junit, "-m", marker,
                   "s3tests/functional/test_s3.py"]
        if args.keyword:
            command += ["-k", args.keyword]
        started = time.time()
        # Debian's dist-packages (behind the interpreter's own) bring awscrt, which makes botocore
        # presign with a CRT signer that refuses the out-of-range expiries some tests send on purpose;
        # a plain boto3 install has no awscrt, so the suite runs as it would there.
        env = dict(os.environ, S3TEST_CONF=conf, BOTO_DISABLE_CRT="true")
        subprocess.run(command, cwd=suite, env=env, stdout=subprocess.DEVNULL)
        seconds = time.time() - started
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    results = read_results(junit)
    families = read_families()
    text, passed = table(results, families)
    print(text)
    print("\ns3-tests: %d of %d passed in %.0f s" % (passed, len(results), seconds))
    if args.results:
        with open(args.results, "w") as f:
            for name in sorted(results):
                f.write("%s %s\n" % (name, results[name]))
    status = 0
    if not args.keyword:
        listed = read_expected(strict=not args.update_expected)
        expected = listed
        if boto3 >= NEW_BOTO3:
            expected = {n: r for n, r in listed.items() if not r.startswith(OLD_BOTO3_REASON)}
        surprise = sorted(n for n, o in results.items() if o != "passed" and n not in expected)
        fixed = sorted(n for n, o in results.items() if o == "passed" and n in expected)
        gone = sorted(n for n in expected if n not in results)
        for name in surprise:
            print("s3-tests: FAILED, not an expected failure: " + name)
        for name in fixed:
            print("s3-tests: PASSED, remove it from expected-failures.txt: " + name)
        for name in gone:
            print("s3-tests: listed in expected-failures.txt but not in the selection: " + name)
        status = 1 if surprise or fixed or gone else 0
        if args.update_expected:
            write_expected(results, listed, keep_old_boto3=boto3 >= NEW_BOTO3)
        if args.readme and status == 0:
            update_readme(args.readme, text)
    if args.keep or status:
        print("s3-tests: work folder (server log, config, junit report): " + work)
    else:
        shutil.rmtree(work, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
