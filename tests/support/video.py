"""The video host for live tests: Debian's nginx with the RTMP module, run from the files in
deploy/nginx/ rendered on free loopback ports, and ffmpeg publishing like a collar.

Both programs are required: a missing one fails the test (FileNotFoundError / RuntimeError),
it never skips.
"""

import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.support.live_server import PROJECT_ROOT, free_port
from tests.support.processes import stop_process

DEPLOY_DIR = PROJECT_ROOT / "deploy" / "nginx"
RTMP_MODULE = Path("/usr/lib/nginx/modules/ngx_rtmp_module.so")
STARTUP_TIMEOUT_S = 10.0
# ffmpeg stops by itself after this: a test never leaves a publisher running.
PUBLISH_SECONDS = 30


def _require_program(name: str) -> str:
    found = shutil.which(name, path=f"{os.environ.get('PATH', '')}:/usr/sbin:/sbin")
    if found is None:
        raise RuntimeError(f"{name} is not installed (scripts/debian-packages.txt lists it)")
    return found


@dataclass(frozen=True)
class VideoPorts:
    """Chosen before anything starts: pawgraph needs the HLS URL, nginx needs pawgraph's."""

    rtmp: int
    http: int

    @classmethod
    def free(cls) -> "VideoPorts":
        return cls(rtmp=free_port(), http=free_port())

    @property
    def hls_base_url(self) -> str:
        return f"http://127.0.0.1:{self.http}/hls"


@dataclass
class VideoHost:
    """A private nginx: RTMP ingest and signed HLS on ``ports``."""

    root: Path
    ports: VideoPorts
    process: subprocess.Popen[bytes]

    @property
    def hls_base_url(self) -> str:
        return self.ports.hls_base_url

    def publish_url(self, stream_name: str, key: str) -> str:
        """Where a collar publishes, as it does: its stream, its device key as an argument."""
        return f"rtmp://127.0.0.1:{self.ports.rtmp}/live/{stream_name}?key={key}"

    def playlist_path(self, stream_name: str) -> Path:
        return self.root / "hls" / stream_name / "index.m3u8"

    def error_log(self) -> str:
        path = self.root / "logs" / "error.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        stop_process(self.process)
        shutil.rmtree(self.root, ignore_errors=True)


_PLACEHOLDER = re.compile(r"__[A-Z][A-Z0-9_]*__")


def render(template: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        template = template.replace(f"__{key}__", value)
    # A placeholder's shape, not any "__": a temporary directory's random name may hold one.
    if _PLACEHOLDER.search("\n".join(line.split("#")[0] for line in template.splitlines())):
        raise ValueError(f"unrendered placeholder left in:\n{template}")
    return template


def start_video_host(media_secret: str, pawgraph_url: str, ports: VideoPorts) -> VideoHost:
    """nginx in the foreground with the deploy/nginx files, on a fresh temporary prefix,
    asking the pawgraph server at ``pawgraph_url`` who may publish."""
    nginx = _require_program("nginx")
    if not RTMP_MODULE.exists():
        raise RuntimeError(f"{RTMP_MODULE} is missing: install libnginx-mod-rtmp")
    root = Path(tempfile.mkdtemp(prefix="pawgraph-video-"))
    # Workers run as nobody when the tests run as root: they must reach and write the HLS.
    root.chmod(0o755)
    for name in ("conf", "logs", "temp", "hls"):
        (root / name).mkdir()
    (root / "hls").chmod(0o777)
    (root / "temp").chmod(0o777)
    values = {
        "RTMP_MODULE": str(RTMP_MODULE),
        "USER": "nobody nogroup" if os.geteuid() == 0 else "nobody",
        "CONF_DIR": str(root / "conf"),
        "HLS_ROOT": str(root),
        "LOG_DIR": str(root / "logs"),
        "TEMP_DIR": str(root / "temp"),
        "RTMP_LISTEN": f"127.0.0.1:{ports.rtmp}",
        "HTTP_LISTEN": f"127.0.0.1:{ports.http}",
        "PAWGRAPH_URL": pawgraph_url,
        "MEDIA_SECRET": media_secret,
    }
    sources = {
        "nginx.conf": "nginx.conf",
        "rtmp.conf": "rtmp.conf",
        "hls-site.conf": "hls-site.conf",
        "media-secret.conf": "media-secret.conf.example",
    }
    for target, source in sources.items():
        text = (DEPLOY_DIR / source).read_text()
        (root / "conf" / target).write_text(render(text, values))
    process = subprocess.Popen(
        [nginx, "-p", str(root), "-c", str(root / "conf" / "nginx.conf"), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=(root / "logs" / "stderr.log").open("wb"),
    )
    host = VideoHost(root=root, ports=ports, process=process)
    _wait_listening(host)
    return host


def _wait_listening(host: VideoHost) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if host.process.poll() is not None:
            stderr = (host.root / "logs" / "stderr.log").read_text(errors="replace")
            host.stop()
            raise RuntimeError(f"nginx exited at startup:\n{stderr}")
        try:
            _connect("127.0.0.1", host.ports.http)
            _connect("127.0.0.1", host.ports.rtmp)
            return
        except OSError:
            time.sleep(0.1)
    host.stop()
    raise RuntimeError("nginx did not start listening")


def _connect(host: str, port: int) -> None:
    with socket.create_connection((host, port), timeout=1):
        pass


def publish_test_pattern(publish_url: str, log_path: Path) -> subprocess.Popen[bytes]:
    """ffmpeg streaming a test pattern the way the collar does: H.264 in FLV over RTMP,
    a keyframe a second; it ends on its own after PUBLISH_SECONDS."""
    ffmpeg = _require_program("ffmpeg")
    return subprocess.Popen(
        [
            ffmpeg,
            "-hide_banner",
            "-loglevel",
            "warning",
            "-nostdin",
            "-re",
            "-f",
            "lavfi",
            "-i",
            "testsrc=size=320x240:rate=10",
            "-t",
            str(PUBLISH_SECONDS),
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-tune",
            "zerolatency",
            "-g",
            "10",
            "-f",
            "flv",
            publish_url,
        ],
        stdout=subprocess.DEVNULL,
        stderr=log_path.open("wb"),
    )


def stop_publisher(process: subprocess.Popen[bytes]) -> None:
    stop_process(process)
