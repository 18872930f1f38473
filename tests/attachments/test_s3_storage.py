"""Attachments in S3-compatible object storage (docs/production.md "More than one machine"):
the "attachments" storage through django-storages against a real S3 server over HTTP —
moto's server mode (`moto_server`), started here on a free port — uploaded and downloaded
through the pages, the object in the bucket and nothing on the local disk. And that the
environment chooses the storage and the shared cache of the production settings."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3  # type: ignore[import-untyped]
import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from schakel.attachments.models import Attachment, attachments_storage
from schakel.consent.models import InformationCategory
from tests.attachments.support import PDF
from tests.conftest import World
from tests.support import sign_in

ROOT = Path(django_settings.BASE_DIR)
KEYS = {"access_key": "schakel-test", "secret_key": "schakel-test-secret"}
REGION = "eu-central-1"


def _free_port() -> int:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        return int(listener.getsockname()[1])


@pytest.fixture(scope="module")
def s3_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of a running S3-compatible server."""
    port = _free_port()
    log = tmp_path_factory.mktemp("moto") / "moto.log"
    binary = shutil.which("moto_server", path=str(Path(sys.executable).parent)) or "moto_server"
    with log.open("wb") as out:
        process = subprocess.Popen(  # noqa: S603 - moto's own server script
            [binary, "-H", "127.0.0.1", "-p", str(port)], stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, log.read_text()
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture
def bucket(s3_endpoint: str, settings: Any) -> tuple[Any, str, Path]:
    """A fresh bucket as the "attachments" storage (the settings' S3 configuration), the S3
    client that looks into it, and the local folder the tests store attachments in otherwise."""
    local = Path(attachments_storage().path(""))
    name = f"schakel-{uuid.uuid4().hex[:12]}"
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name=REGION,
                          aws_access_key_id=KEYS["access_key"],
                          aws_secret_access_key=KEYS["secret_key"])
    client.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION})
    settings.STORAGES = {**settings.STORAGES, "attachments": {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"bucket_name": name, "endpoint_url": s3_endpoint, "region_name": REGION,
                    "location": "attachments", "default_acl": "private",
                    "querystring_auth": True, "file_overwrite": False, **KEYS},
    }}
    return client, name, local


@pytest.mark.django_db
def test_an_attachment_goes_to_the_bucket_and_comes_back(
        world: World, clamd: Path, bucket: tuple[Any, str, Path]) -> None:
    s3, name, local = bucket
    assert type(attachments_storage()).__name__ == "S3Storage"
    client = sign_in(Client(), world.nurse.user)
    response = client.post(
        reverse("attachments:add", kwargs={"case_id": world.case.pk}),
        {"category": InformationCategory.CARE, "note": "",
         "file": SimpleUploadedFile("Verslag GGD.pdf", PDF)})
    assert response.status_code == 302
    attachment = Attachment.objects.get()

    objects = s3.list_objects_v2(Bucket=name)["Contents"]
    assert [item["Key"] for item in objects] == [f"attachments/{attachment.stored_name}"]
    stored = s3.get_object(Bucket=name, Key=objects[0]["Key"])["Body"].read()
    assert stored == PDF
    assert not (local / attachment.stored_name).exists()

    download = client.get(reverse("attachments:download",
                                  kwargs={"attachment_id": attachment.pk}))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF  # type: ignore[attr-defined]
    assert download["Content-Type"] == "application/pdf"

    acl = s3.get_object_acl(Bucket=name, Key=objects[0]["Key"])["Grants"]
    assert [grant["Permission"] for grant in acl] == ["FULL_CONTROL"]  # private: owner only


def _production_settings(**environment: str) -> dict[str, Any]:
    """STORAGES["attachments"] and CACHES["default"] of the production settings, read in a
    process of their own with this environment."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("DJANGO_", "SCHAKEL_ATTACHMENTS_", "CACHE_URL"))}
    env.update({"DJANGO_SETTINGS_MODULE": "schakel.settings.production",
                "SECRET_KEY": "x" * 64, "PYTHONPATH": str(ROOT / "src"), **environment})
    done = subprocess.run(
        [sys.executable, "-c", "import json; from django.conf import settings; print(json.dumps("
         "{'storage': settings.STORAGES['attachments'], 'cache': settings.CACHES['default']}))"],
        env=env, capture_output=True, text=True, timeout=60, check=True, cwd=ROOT)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def test_the_environment_chooses_storage_and_shared_cache() -> None:
    default = _production_settings(SCHAKEL_ATTACHMENTS_ROOT="/srv/schakel/attachments")
    assert default["storage"] == {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": "/srv/schakel/attachments", "base_url": None}}
    assert default["cache"] == {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                                "LOCATION": "schakel_cache"}

    s3 = _production_settings(
        SCHAKEL_ATTACHMENTS_S3_BUCKET="schakel-regio",
        SCHAKEL_ATTACHMENTS_S3_ENDPOINT_URL="https://s3.example.nl",
        CACHE_URL="redis://10.0.0.5:6379/2")
    assert s3["storage"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert s3["storage"]["OPTIONS"]["bucket_name"] == "schakel-regio"
    assert s3["storage"]["OPTIONS"]["endpoint_url"] == "https://s3.example.nl"
    assert s3["storage"]["OPTIONS"]["default_acl"] == "private"
    assert s3["cache"] == {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                           "LOCATION": "redis://10.0.0.5:6379/2"}
