"""The crawl benchmarks' site: ``scraper.testing``'s generated blog rendered once to static
files and served by nginx on 127.0.0.1, so the server costs the crawlers as little CPU as
possible (``apt-get install nginx-light``)."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scraper.testing import SiteSpec, gen_site, render

_LINK = re.compile(rb"""(?:href|src)=["']([^"'#]+)|<loc>([^<]+)</loc>""")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build_static_site(root: Path, base: str, posts: int) -> tuple[int, int, list[str]]:
    """Render every page reachable from the home page, robots, sitemaps and feed to files;
    (HTML pages, bytes, the URL of every file written)."""
    spec = SiteSpec(n_posts=posts, filler_bytes=30_000, wp_json=False, threads_per_comment_page=8)
    site = gen_site(posts, spec=spec)
    host = urlsplit(base).netloc
    todo = ["/", "/robots.txt", "/wp-sitemap.xml", "/feed/"]
    seen = set(todo)
    pages = total = 0
    urls: list[str] = []
    while todo:
        path = todo.pop()
        resp = render(site, path, base)
        if resp.status != 200:
            continue
        target = root / path.lstrip("/")
        if path.endswith("/"):
            target = target / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(resp.body)
        urls.append(base + path)
        ctype = dict((k.lower(), v) for k, v in resp.headers).get("content-type", "")
        pages += ctype.startswith("text/html")
        total += len(resp.body)
        for m in _LINK.finditer(resp.body):
            url = (m.group(1) or m.group(2)).decode().strip()
            parts = urlsplit(url)
            if parts.netloc and parts.netloc != host:
                continue
            p = parts.path or "/"
            if p not in seen and not parts.query and p.startswith("/"):
                seen.add(p)
                todo.append(p)
    return pages, total, urls


def start_nginx(root: Path, port: int, work: Path) -> subprocess.Popen[bytes]:
    conf = work / "nginx.conf"
    conf.write_text(
        textwrap.dedent(f"""
        daemon off; worker_processes 2; pid {work}/nginx.pid; error_log {work}/error.log;
        user root;
        events {{ worker_connections 1024; }}
        http {{
          include /etc/nginx/mime.types; access_log off; gzip off; sendfile on;
          keepalive_requests 100000;
          client_body_temp_path {work}/tmp; proxy_temp_path {work}/tmp;
          fastcgi_temp_path {work}/tmp; uwsgi_temp_path {work}/tmp; scgi_temp_path {work}/tmp;
          server {{
            listen 127.0.0.1:{port}; root {root};
            location / {{ index index.html; try_files $uri $uri/index.html =404; }}
            location /feed/ {{ types {{ }} default_type application/rss+xml;
                              try_files $uri/index.html =404; }}
          }}
        }}""")
    )
    (work / "tmp").mkdir(exist_ok=True)
    proc = subprocess.Popen(["nginx", "-c", str(conf)], stderr=subprocess.DEVNULL)
    for _ in range(200):
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return proc
        time.sleep(0.05)
    proc.kill()
    raise SystemExit("nginx did not start (apt-get install nginx-light)")
