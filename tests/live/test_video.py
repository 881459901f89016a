"""Live video end to end with the real programs: a private nginx (RTMP ingest + HLS, run from
deploy/nginx/) and ffmpeg publishing a test pattern the way a collar streams. The link comes
from a live pawgraph server over GraphQL; nginx checks its signature with secure_link."""

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import httpx
import pytest
from gql.transport.exceptions import TransportQueryError
from sqlalchemy.ext.asyncio import AsyncEngine

from graphql_api.auth import Role
from graphql_api.media.secure_link import signed_query
from tests.conftest import TEST_SECRET_KEY
from tests.factories.accounts import create_committed_user, logged_in, signed_up
from tests.factories.devices import register_device
from tests.support.graphql_client import GraphQLClient
from tests.support.live_server import LiveServer, start_server
from tests.support.video import (
    VideoHost,
    VideoPorts,
    publish_test_pattern,
    render,
    start_video_host,
    stop_publisher,
)

MEDIA_SECRET = "video-test-secret-0123456789abcdef"
PLAYLIST_TIMEOUT_S = 20.0
REFUSED_PUBLISH_TIMEOUT_S = 15.0
PUBLISH_CHECK = "/api/video/rtmp/publish"

VIDEO_STREAM = """
query VideoStream($deviceId: ID!) {
  videoStream(deviceId: $deviceId) { deviceId url streamName expiresAt }
}
"""


@pytest.fixture(scope="module")
def video_ports() -> VideoPorts:
    return VideoPorts.free()


@pytest.fixture(scope="module")
def video_server(
    server_logs: Path, database_url: str, test_environment, video_ports: VideoPorts
) -> Iterator[LiveServer]:
    server = start_server(
        server_logs,
        "server-video",
        env="test",
        database_url=database_url,
        broadcast_url=test_environment.redis_url,
        secret_key=TEST_SECRET_KEY,
        media_hls_base_url=video_ports.hls_base_url,
        media_secret=MEDIA_SECRET,
    )
    yield server
    server.stop()


@pytest.fixture(scope="module")
def video_host(video_server: LiveServer, video_ports: VideoPorts) -> Iterator[VideoHost]:
    host = start_video_host(MEDIA_SECRET, video_server.base_url, video_ports)
    yield host
    host.stop()


@pytest.fixture
async def collar_owner(video_server: LiveServer) -> GraphQLClient:
    return await signed_up(GraphQLClient(video_server), "collar-owner")


@pytest.fixture
async def stranger(video_server: LiveServer) -> GraphQLClient:
    return await signed_up(GraphQLClient(video_server), "stranger")


@pytest.fixture
async def video_staff(video_server: LiveServer, engine: AsyncEngine) -> GraphQLClient:
    email = await create_committed_user(engine, Role.STAFF)
    return await logged_in(GraphQLClient(video_server), email)


@pytest.fixture
async def streaming_collar(
    collar_owner: GraphQLClient, video_host: VideoHost, tmp_path: Path
) -> AsyncIterator[dict]:
    """A collar of ``collar_owner``'s, publishing now; its videoStream as the owner got it."""
    collar = await register_device(collar_owner, kind="COLLAR")
    stream = (await collar_owner.execute(VIDEO_STREAM, {"deviceId": collar.id}))["videoStream"]
    publisher = publish_test_pattern(
        video_host.publish_url(stream["streamName"], collar.api_key), tmp_path / "ffmpeg.log"
    )
    try:
        yield {"id": collar.id, **stream}
    finally:
        stop_publisher(publisher)


async def first_playlist(url: str) -> httpx.Response:
    """The playlist once nginx has cut the first segment (404 until then)."""
    deadline = time.monotonic() + PLAYLIST_TIMEOUT_S
    async with httpx.AsyncClient(timeout=5) as http:
        while True:
            response = await http.get(url)
            if response.status_code != 404 or time.monotonic() > deadline:
                return response
            await asyncio.sleep(0.2)


def segment_urls(playlist_url: str, playlist: str) -> list[str]:
    names = [line for line in playlist.splitlines() if line and not line.startswith("#")]
    return [urljoin(playlist_url, name) for name in names]


def with_query(url: str, **changes: str) -> str:
    parts = urlsplit(url)
    query = {key: values[0] for key, values in parse_qs(parts.query).items()} | changes
    return parts._replace(query="&".join(f"{k}={v}" for k, v in query.items())).geturl()


async def status_of(url: str) -> int:
    async with httpx.AsyncClient(timeout=5) as http:
        return (await http.get(url)).status_code


class TestOwnersLink:
    async def test_serves_the_playlist_and_a_segment(self, streaming_collar: dict):
        # given
        url = streaming_collar["url"]
        # when
        playlist = await first_playlist(url)
        # then
        assert playlist.status_code == 200
        assert playlist.headers["content-type"] == "application/vnd.apple.mpegurl"
        assert playlist.text.startswith("#EXTM3U")
        segments = segment_urls(url, playlist.text)
        assert segments
        signature = parse_qs(urlsplit(url).query)
        assert parse_qs(urlsplit(segments[0]).query) == signature
        async with httpx.AsyncClient(timeout=5) as http:
            segment = await http.get(segments[0])
        assert segment.status_code == 200
        assert segment.headers["content-type"] == "video/mp2t"
        assert segment.content[:1] == b"G"  # MPEG-TS sync byte

    async def test_is_valid_for_five_minutes_and_names_the_collars_stream(
        self, collar_owner: GraphQLClient, video_host: VideoHost
    ):
        # given
        collar = await register_device(collar_owner, kind="COLLAR")
        before = time.time()
        # when
        stream = (await collar_owner.execute(VIDEO_STREAM, {"deviceId": collar.id}))["videoStream"]
        # then
        expires = int(parse_qs(urlsplit(stream["url"]).query)["expires"][0])
        assert before + 299 <= expires <= time.time() + 301
        assert stream["deviceId"] == collar.id
        assert stream["url"].startswith(f"{video_host.hls_base_url}/{stream['streamName']}/")


class TestStaffLink:
    async def test_staff_watch_an_owners_collar(
        self, streaming_collar: dict, video_staff: GraphQLClient
    ):
        # when
        stream = (await video_staff.execute(VIDEO_STREAM, {"deviceId": streaming_collar["id"]}))[
            "videoStream"
        ]
        # then
        assert (await first_playlist(stream["url"])).status_code == 200


class TestRefusedLinks:
    async def test_a_tampered_link_gets_403(self, streaming_collar: dict):
        # given
        url = streaming_collar["url"]
        assert (await first_playlist(url)).status_code == 200
        md5 = parse_qs(urlsplit(url).query)["md5"][0]
        expires = parse_qs(urlsplit(url).query)["expires"][0]
        flipped = ("A" if md5[0] != "A" else "B") + md5[1:]
        # when
        statuses = [
            await status_of(with_query(url, md5=flipped)),
            await status_of(with_query(url, expires=str(int(expires) + 3600))),
            await status_of(url.split("?")[0]),
            await status_of(url.replace(streaming_collar["streamName"], "collar-0")),
        ]
        # then
        assert statuses == [403, 403, 403, 403]

    async def test_an_expired_link_gets_403(self, streaming_collar: dict):
        # given: the collar's stream signed correctly, but until a minute ago
        url = streaming_collar["url"]
        assert (await first_playlist(url)).status_code == 200
        directory = urlsplit(url).path.rsplit("/", 1)[0] + "/"
        expired = signed_query(int(time.time()) - 60, directory, MEDIA_SECRET)
        # when
        status = await status_of(f"{url.split('?')[0]}?{expired}")
        # then
        assert status == 403


class TestWhoGetsALink:
    async def test_another_owner_gets_not_found(
        self, collar_owner: GraphQLClient, stranger: GraphQLClient
    ):
        # given
        collar = await register_device(collar_owner, kind="COLLAR")
        # when
        with pytest.raises(TransportQueryError) as refused:
            await stranger.execute(VIDEO_STREAM, {"deviceId": collar.id})
        # then
        assert refused.value.errors[0]["extensions"]["code"] == "DEVICE_NOT_FOUND"
        assert refused.value.data is None

    async def test_anonymous_must_log_in(self, collar_owner: GraphQLClient):
        # given
        collar = await register_device(collar_owner, kind="COLLAR")
        # when
        with pytest.raises(TransportQueryError) as refused:
            await collar_owner.with_token(None).execute(VIDEO_STREAM, {"deviceId": collar.id})
        # then
        assert refused.value.errors[0]["extensions"]["code"] == "NOT_AUTHENTICATED"

    async def test_a_feeder_has_no_video(self, collar_owner: GraphQLClient):
        # given
        feeder = await register_device(collar_owner)
        # when
        with pytest.raises(TransportQueryError) as refused:
            await collar_owner.execute(VIDEO_STREAM, {"deviceId": feeder.id})
        # then
        assert refused.value.errors[0]["extensions"]["code"] == "VIDEO_NOT_SUPPORTED"


class TestWhoPublishes:
    async def test_a_wrong_key_cannot_publish(
        self, collar_owner: GraphQLClient, video_host: VideoHost, tmp_path: Path
    ):
        # given
        collar = await register_device(collar_owner, kind="COLLAR")
        stream = (await collar_owner.execute(VIDEO_STREAM, {"deviceId": collar.id}))["videoStream"]
        # when
        publisher = publish_test_pattern(
            video_host.publish_url(stream["streamName"], "0" * 48), tmp_path / "ffmpeg.log"
        )
        try:
            exit_code = publisher.wait(timeout=REFUSED_PUBLISH_TIMEOUT_S)
        finally:
            stop_publisher(publisher)
        # then
        assert exit_code != 0
        assert not video_host.playlist_path(stream["streamName"]).exists()
        assert await status_of(stream["url"]) == 404

    async def test_a_collars_key_cannot_publish_another_collars_stream(
        self,
        collar_owner: GraphQLClient,
        stranger: GraphQLClient,
        video_host: VideoHost,
        tmp_path: Path,
    ):
        # given
        victim = await register_device(collar_owner, kind="COLLAR")
        intruder = await register_device(stranger, kind="COLLAR")
        stream = (await collar_owner.execute(VIDEO_STREAM, {"deviceId": victim.id}))["videoStream"]
        # when
        publisher = publish_test_pattern(
            video_host.publish_url(stream["streamName"], intruder.api_key),
            tmp_path / "ffmpeg.log",
        )
        try:
            exit_code = publisher.wait(timeout=REFUSED_PUBLISH_TIMEOUT_S)
        finally:
            stop_publisher(publisher)
        # then
        assert exit_code != 0
        assert not video_host.playlist_path(stream["streamName"]).exists()

    async def test_the_publish_check_answers_nginx(
        self, collar_owner: GraphQLClient, video_server: LiveServer
    ):
        # given: the form nginx-rtmp posts
        collar = await register_device(collar_owner, kind="COLLAR")
        stream = (await collar_owner.execute(VIDEO_STREAM, {"deviceId": collar.id}))["videoStream"]
        form = {"call": "publish", "app": "live", "name": stream["streamName"], "addr": "1.2.3.4"}
        # when
        async with httpx.AsyncClient(base_url=video_server.base_url, timeout=5) as http:
            allowed = await http.post(PUBLISH_CHECK, data={**form, "key": collar.api_key})
            refused = await http.post(PUBLISH_CHECK, data={**form, "key": "0" * 48})
            keyless = await http.post(PUBLISH_CHECK, data=form)
            nameless = await http.post(PUBLISH_CHECK, data={"call": "publish"})
        # then
        assert allowed.status_code == 204
        assert (refused.status_code, refused.json()["code"]) == (403, "DEVICE_KEY_INVALID")
        assert keyless.status_code == 403
        assert nameless.status_code == 400


class TestRenderingTheRecipe:
    def test_a_directory_name_with_two_underscores_is_no_placeholder(self):
        # given: tempfile's random names may hold "__" (seen in CI: pawgraph-video-1a__jipk)
        template = "root __HLS_ROOT__;\nlisten __HTTP_LISTEN__;"

        # when
        values = {"HLS_ROOT": "/tmp/pawgraph-video-1a__jipk", "HTTP_LISTEN": "80"}
        rendered = render(template, values)

        # then
        assert rendered == "root /tmp/pawgraph-video-1a__jipk;\nlisten 80;"

    def test_a_placeholder_left_unrendered_is_refused(self):
        with pytest.raises(ValueError, match="unrendered placeholder"):
            render("root __HLS_ROOT__;\nlisten __HTTP_LISTEN__;", {"HLS_ROOT": "/srv/hls"})
