"""Links nginx's ``secure_link`` module accepts (deploy/nginx/hls-site.conf).

nginx computes ``md5("$secure_link_expires$pawgraph_stream_dir$pawgraph_media_secret")`` and
compares it with the ``md5`` argument, base64url-encoded without padding; ``expires`` is unix
seconds. One signature covers a stream's directory (``/hls/<stream>/``), not one file: an HLS
player requests the playlist's segments by relative URLs, which nginx rewrites to carry the same
``md5`` and ``expires``.
"""

import base64
import hashlib
from urllib.parse import urlencode


def signature(expires: int, signed_path: str, secret: str) -> str:
    """The ``md5`` argument for ``signed_path`` until ``expires``: md5 of expires + path +
    secret, base64url without ``=`` padding."""
    digest = hashlib.md5(f"{expires}{signed_path}{secret}".encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def signed_query(expires: int, signed_path: str, secret: str) -> str:
    """``md5=...&expires=...``, the query string nginx reads with ``$arg_md5,$arg_expires``."""
    return urlencode({"md5": signature(expires, signed_path, secret), "expires": expires})
