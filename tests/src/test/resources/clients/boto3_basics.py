"""Drives Cubby with the boto3 this Python has, at its default settings, as a user script would.

Usage: python3 boto3_basics.py ENDPOINT BUCKET WORKDIR  (keys in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY)
Prints one line per step and 'ALL OK' at the end; any failure raises.
"""
import hashlib
import os
import sys
import urllib.request

import boto3

endpoint, bucket, work = sys.argv[1:4]
s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
print("boto3", boto3.__version__)

payload = os.urandom(3 * 1024 * 1024 + 17)
s3.put_object(Bucket=bucket, Key="boto/put.bin", Body=payload, ContentType="application/x-test",
              Metadata={"origin": "boto3"})
head = s3.head_object(Bucket=bucket, Key="boto/put.bin")
assert head["ETag"] == '"%s"' % hashlib.md5(payload).hexdigest(), head["ETag"]
assert head["ContentType"] == "application/x-test" and head["Metadata"] == {"origin": "boto3"}, head
print("put_object/head_object ok")

source = os.path.join(work, "upload.bin")
with open(source, "wb") as f:
    f.write(os.urandom(1024 * 1024))
s3.upload_file(source, bucket, "boto/uploaded file.bin")
target = os.path.join(work, "download.bin")
s3.download_file(bucket, "boto/uploaded file.bin", target)
assert open(source, "rb").read() == open(target, "rb").read()
print("upload_file/download_file ok")

got = s3.get_object(Bucket=bucket, Key="boto/put.bin", Range="bytes=10-19")["Body"].read()
assert got == payload[10:20]
print("ranged get ok")

url = s3.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "boto/put.bin"}, ExpiresIn=300)
assert urllib.request.urlopen(url).read() == payload
print("presigned get ok")

keys = sorted(o["Key"] for o in s3.list_objects_v2(Bucket=bucket, Prefix="boto/")["Contents"])
assert keys == ["boto/put.bin", "boto/uploaded file.bin"], keys
s3.delete_object(Bucket=bucket, Key="boto/put.bin")
s3.delete_object(Bucket=bucket, Key="boto/uploaded file.bin")
assert "Contents" not in s3.list_objects_v2(Bucket=bucket, Prefix="boto/")
print("list/delete ok")
print("ALL OK")
