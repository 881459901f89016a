import datetime as dt
from urllib.parse import parse_qs, urlsplit

import pytest
from pydantic import SecretStr

from graphql_api.auth import Role
from graphql_api.devices.errors import DeviceErrorCode, DeviceKeyInvalid, DeviceNotFound
from graphql_api.devices.models import DeviceKind
from graphql_api.media import service as media_service
from graphql_api.media.errors import VideoNotSupported
from graphql_api.media.secure_link import signature
from graphql_api.settings import Settings
from tests.factories.accounts import create_user, viewer_of
from tests.factories.devices_db import register_device

NOW = dt.datetime(2026, 11, 23, 8, 0, 0, 400_000, tzinfo=dt.UTC)
SECRET = "media-secret-for-tests-0123"


@pytest.fixture
def media_settings(settings: Settings) -> Settings:
    return settings.model_copy(
        update={
            "media_hls_base_url": "https://video.example.com/hls",
            "media_secret": SecretStr(SECRET),
            "media_link_ttl": dt.timedelta(minutes=5),
        }
    )


class TestSignature:
    def test_matches_nginx_documentation(self):
        # given: nginx's own example, md5("$secure_link_expires$uri$remote_addr secret")
        # for /s/link?md5=_e4Nc3iduzkWRm01TBBNYw&expires=2147483647 from 127.0.0.1
        # when
        md5 = signature(2147483647, "/s/link", "127.0.0.1 secret")
        # then
        assert md5 == "_e4Nc3iduzkWRm01TBBNYw"


class TestVideoStream:
    async def test_owner_gets_a_link_signed_for_the_collars_directory(
        self, session, media_settings, owner
    ):
        # given
        collar = (await register_device(session, owner, kind=DeviceKind.COLLAR)).device
        # when
        signed = await media_service.video_stream(
            session, media_settings, viewer_of(owner), collar.id, NOW
        )
        # then
        url = urlsplit(signed.url)
        query = parse_qs(url.query)
        expires = int(query["expires"][0])
        directory = f"/hls/collar-{collar.id}/"
        assert (url.scheme, url.netloc, url.path) == (
            "https",
            "video.example.com",
            f"{directory}index.m3u8",
        )
        assert expires == int(NOW.timestamp()) + 300 + 1  # rounded up to whole seconds
        assert query["md5"] == [signature(expires, directory, SECRET)]
        assert signed.expires_at == dt.datetime.fromtimestamp(expires, dt.UTC)
        assert signed.stream_name == f"collar-{collar.id}"

    async def test_staff_get_a_link_to_any_collar(self, session, media_settings, owner):
        # given
        collar = (await register_device(session, owner, kind=DeviceKind.COLLAR)).device
        staff = await create_user(session, Role.STAFF, prefix="staff")
        # when
        signed = await media_service.video_stream(
            session, media_settings, viewer_of(staff), collar.id, NOW
        )
        # then
        assert signed.device.id == collar.id

    async def test_another_owner_gets_not_found(self, session, media_settings, owner, stranger):
        # given
        collar = (await register_device(session, owner, kind=DeviceKind.COLLAR)).device
        # when
        with pytest.raises(DeviceNotFound) as raised:
            await media_service.video_stream(
                session, media_settings, viewer_of(stranger), collar.id, NOW
            )
        # then
        assert raised.value.code is DeviceErrorCode.DEVICE_NOT_FOUND

    async def test_a_feeder_has_no_video(self, session, media_settings, owner, feeder):
        # when / then
        with pytest.raises(VideoNotSupported):
            await media_service.video_stream(
                session, media_settings, viewer_of(owner), feeder.id, NOW
            )


class TestAuthorizePublish:
    async def test_a_collar_publishes_its_own_stream(self, session, media_settings, owner):
        # given
        issued = await register_device(session, owner, kind=DeviceKind.COLLAR)
        # when
        device = await media_service.authorize_publish(
            session, media_settings, f"collar-{issued.device.id}", issued.api_key
        )
        # then
        assert device.id == issued.device.id

    async def test_not_another_collars_stream(self, session, media_settings, owner, stranger):
        # given
        mine = await register_device(session, owner, kind=DeviceKind.COLLAR)
        theirs = await register_device(session, stranger, kind=DeviceKind.COLLAR)
        # when / then
        with pytest.raises(DeviceKeyInvalid):
            await media_service.authorize_publish(
                session, media_settings, f"collar-{theirs.device.id}", mine.api_key
            )

    async def test_not_with_a_feeders_key(self, session, media_settings, owner):
        # given
        feeder = await register_device(session, owner, kind=DeviceKind.FEEDER)
        # when / then
        with pytest.raises(DeviceKeyInvalid):
            await media_service.authorize_publish(
                session, media_settings, f"collar-{feeder.device.id}", feeder.api_key
            )
