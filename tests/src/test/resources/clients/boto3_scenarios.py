"""boto3 against Cubby at boto3's default settings, as a user's script would drive it.

Usage: python3 boto3_scenarios.py SCENARIO ENDPOINT BUCKET ROOT WORKDIR
(the key in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY; ROOT is the served tree, read to check
files on disk). Prints 'OK SCENARIO' at the end; any failure raises. Runs on boto3 1.26 (Debian)
and on the newest boto3, so it uses only what both have, or says where it differs.
"""
import hashlib
import os
import sys
import urllib.error
import urllib.request

import boto3
from botocore.exceptions import ClientError

scenario, endpoint, bucket, root, work = sys.argv[1:6]
s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")


def md5(data):
    return hashlib.md5(data).hexdigest()


def on_disk(key):
    with open(os.path.join(root, bucket, key), "rb") as f:
        return f.read()


def error_code(call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as e:
        return e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]
    raise AssertionError("expected an error from %s" % call.__name__)


def put_head_copy_delete():
    payload = os.urandom(3 * 1024 * 1024 + 17)
    s3.put_object(Bucket=bucket, Key="boto/put.bin", Body=payload, ContentType="application/x-test",
                  Metadata={"origin": "boto3"})
    head = s3.head_object(Bucket=bucket, Key="boto/put.bin")
    assert head["ETag"] == '"%s"' % md5(payload), head["ETag"]
    assert head["ContentType"] == "application/x-test" and head["Metadata"] == {"origin": "boto3"}, head
    assert on_disk("boto/put.bin") == payload
    got = s3.get_object(Bucket=bucket, Key="boto/put.bin", Range="bytes=10-19")["Body"].read()
    assert got == payload[10:20]
    s3.copy_object(Bucket=bucket, Key="boto/copy.bin", CopySource={"Bucket": bucket, "Key": "boto/put.bin"})
    assert on_disk("boto/copy.bin") == payload
    deleted = s3.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": "boto/put.bin"}, {"Key": "boto/copy.bin"}]})
    assert sorted(d["Key"] for d in deleted["Deleted"]) == ["boto/copy.bin", "boto/put.bin"], deleted
    assert not os.path.exists(os.path.join(root, bucket, "boto"))
    assert "Contents" not in s3.list_objects_v2(Bucket=bucket, Prefix="boto/")


def multipart_transfer():
    # 20 MiB is above the transfer manager's 8 MiB threshold: a 3-part upload and ranged downloads.
    source = os.path.join(work, "upload.bin")
    with open(source, "wb") as f:
        f.write(os.urandom(20 * 1024 * 1024))
    s3.upload_file(source, bucket, "boto/uploaded file.bin")
    head = s3.head_object(Bucket=bucket, Key="boto/uploaded file.bin")
    assert head["ETag"].endswith('-3"'), head["ETag"]
    with open(source, "rb") as f:
        assert on_disk("boto/uploaded file.bin") == f.read()
    target = os.path.join(work, "download.bin")
    s3.download_file(bucket, "boto/uploaded file.bin", target)
    with open(source, "rb") as a, open(target, "rb") as b:
        assert md5(a.read()) == md5(b.read())


def presigned_urls():
    body = b"sent through a presigned PUT\n"
    # The Content-Type is part of what is signed (urllib would otherwise send a form type).
    put_url = s3.generate_presigned_url("put_object", ExpiresIn=300, Params={
        "Bucket": bucket, "Key": "boto/presigned.txt", "ContentType": "text/plain"})
    request = urllib.request.Request(put_url, data=body, method="PUT", headers={"Content-Type": "text/plain"})
    assert urllib.request.urlopen(request).status == 200
    assert on_disk("boto/presigned.txt") == body
    assert s3.head_object(Bucket=bucket, Key="boto/presigned.txt")["ContentType"] == "text/plain"
    get_url = s3.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "boto/presigned.txt"},
                                        ExpiresIn=300)
    assert urllib.request.urlopen(get_url).read() == body
    try:
        urllib.request.urlopen(get_url.replace("presigned.txt", "other.txt"))
        raise AssertionError("a URL signed for another key was accepted")
    except urllib.error.HTTPError as e:
        assert e.code == 403, e.code


def with_header(name, value):
    """Puts with one extra request header, through the API's parameter where this boto3 has it
    (IfNoneMatch/IfMatch arrived in botocore 1.35), else through a before-sign hook."""
    parameter = {"If-None-Match": "IfNoneMatch", "If-Match": "IfMatch"}[name]
    members = s3.meta.service_model.operation_model("PutObject").input_shape.members
    if parameter in members:
        return lambda **kwargs: s3.put_object(**kwargs, **{parameter: value})

    def put(**kwargs):
        def add(request, **_):
            request.headers[name] = value
        s3.meta.events.register("before-sign.s3.PutObject", add, unique_id="cubby-conditional")
        try:
            return s3.put_object(**kwargs)
        finally:
            s3.meta.events.unregister("before-sign.s3.PutObject", unique_id="cubby-conditional")
    put.__name__ = "put_object"
    return put


def conditional_put():
    key = "boto/lock.txt"
    with_header("If-None-Match", "*")(Bucket=bucket, Key=key, Body=b"first")
    code = error_code(with_header("If-None-Match", "*"), Bucket=bucket, Key=key, Body=b"second")
    assert code == ("PreconditionFailed", 412), code
    assert on_disk(key) == b"first"
    etag = s3.head_object(Bucket=bucket, Key=key)["ETag"]
    code = error_code(with_header("If-Match", '"%s"' % md5(b"other")), Bucket=bucket, Key=key, Body=b"third")
    assert code == ("PreconditionFailed", 412), code
    with_header("If-Match", etag)(Bucket=bucket, Key=key, Body=b"fourth")
    assert on_disk(key) == b"fourth"


def samba_files():
    # Files the test wrote straight into the tree (as Samba would): listed with their MD5 ETags.
    listed = {o["Key"]: o for o in s3.list_objects_v2(Bucket=bucket)["Contents"]}
    samba = [k for k in listed if k.startswith("samba/")]
    assert samba, listed
    for key in samba:
        data = on_disk(key)
        assert listed[key]["Size"] == len(data)
        assert s3.head_object(Bucket=bucket, Key=key)["ETag"] == '"%s"' % md5(data)
        target = os.path.join(work, "samba-" + md5(key.encode()))
        s3.download_file(bucket, key, target)
        with open(target, "rb") as f:
            assert f.read() == data


def folder_markers_on_one_connection():
    # put_object of a "dir/" marker sends an empty body with Expect: 100-continue; botocore once
    # misread the answer that followed it on the kept-alive connection and stalled for its 60 s
    # read timeout. A hang check, not a benchmark: every call is timed.
    import time
    slowest = (0.0, None)
    for i in range(100):
        for key, body in (("dirs/d%03d/" % i, b""), ("dirs/d%03d/f.txt" % i, b"x" * (i * 37 % 2000 + 1))):
            started = time.monotonic()
            s3.put_object(Bucket=bucket, Key=key, Body=body)
            took = time.monotonic() - started
            slowest = max(slowest, (took, key))
            assert took < 5, "put_object of %s took %.1f s" % (key, took)
    listed = s3.list_objects_v2(Bucket=bucket, Prefix="dirs/", MaxKeys=1000)
    assert listed["KeyCount"] == 200, listed["KeyCount"]
    print("slowest put_object: %.3f s (%s)" % slowest)


SCENARIOS = {f.__name__: f for f in (put_head_copy_delete, multipart_transfer, presigned_urls, conditional_put,
                                     samba_files, folder_markers_on_one_connection)}
SCENARIOS[scenario]()
print("OK", scenario)
