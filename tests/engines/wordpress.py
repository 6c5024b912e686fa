"""A real WordPress (Debian's package) on 127.0.0.1: MariaDB, PHP-FPM and nginx in a temp dir.

The tests crawl real WordPress output, not look-alike pages we wrote: what a user points the
crawler at first. Nothing under /etc or /var is changed: every daemon gets its own config,
data dir, socket and pid file under ``root``, and is stopped by its pid. The web root is a
copy of /usr/share/wordpress's top-level files (so ``wp-load.php`` finds *our* wp-config.php
and not Debian's, which reads /etc/wordpress) with its big folders symlinked.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._procs import free_port, stop_by_pid

WP_SRC = Path("/usr/share/wordpress")
THEMES = WP_SRC / "wp-content" / "themes"
PHP_DIR = Path(__file__).resolve().parent / "wp_php"

__all__ = ["WP_SRC", "WordPress", "missing", "stock_themes"]


# Debian's /etc/nginx/fastcgi_params sends HTTP_HOST as $host, without the port, and
# WordPress then redirects every page to itself (canonical host:port never matches).
_FASTCGI_PARAMS = "\n".join(
    f"      fastcgi_param {name} {value};"
    for name, value in (
        ("QUERY_STRING", "$query_string"),
        ("REQUEST_METHOD", "$request_method"),
        ("CONTENT_TYPE", "$content_type"),
        ("CONTENT_LENGTH", "$content_length"),
        ("SCRIPT_NAME", "$fastcgi_script_name"),
        ("REQUEST_URI", "$request_uri"),
        ("DOCUMENT_URI", "$document_uri"),
        ("DOCUMENT_ROOT", "$document_root"),
        ("SERVER_PROTOCOL", "$server_protocol"),
        ("REQUEST_SCHEME", "$scheme"),
        ("GATEWAY_INTERFACE", "CGI/1.1"),
        ("SERVER_SOFTWARE", "nginx"),
        ("REMOTE_ADDR", "$remote_addr"),
        ("REMOTE_PORT", "$remote_port"),
        ("SERVER_ADDR", "$server_addr"),
        ("SERVER_PORT", "$server_port"),
        ("SERVER_NAME", "$server_name"),
        ("HTTP_HOST", "$http_host"),
        ("REDIRECT_STATUS", "200"),
    )
)


def _which(*names: str) -> str | None:
    for name in names:
        for folder in ("/usr/sbin", "/usr/bin", "/sbin", "/bin"):
            path = Path(folder) / name
            if path.exists():
                return str(path)
    return None


def _fpm() -> str | None:
    found = sorted(Path("/usr/sbin").glob("php-fpm*"))
    return str(found[-1]) if found else None


def missing() -> str | None:
    """Why a real WordPress cannot run here, or None when everything is installed."""
    needs = {
        "wordpress (Debian package)": (WP_SRC / "wp-load.php").exists(),
        "mariadb-server": bool(_which("mariadbd", "mysqld"))
        and bool(_which("mariadb-install-db", "mysql_install_db")),
        "php-fpm": bool(_fpm()),
        "php-cli": bool(_which("php")),
        "php-mysql": bool(list(Path("/etc/php").glob("*/cli/conf.d/*mysqli.ini"))),
        "nginx": bool(_which("nginx")),
        "a stock theme": bool(stock_themes()),
    }
    if os.geteuid() != 0:
        return "real WordPress runs its daemons as root in a private dir; not root here"
    absent = [name for name, ok in needs.items() if not ok]
    if absent:
        return "real WordPress needs " + ", ".join(absent) + " (installed by .ci/wordpress.sh)"
    return None


def stock_themes() -> list[str]:
    """The themes Debian ships (wordpress-theme-* packages), by folder name."""
    if not THEMES.is_dir():
        return []
    return sorted(p.name for p in THEMES.iterdir() if (p / "style.css").exists())


def _wait_for(path: Path, proc: subprocess.Popen[bytes], what: str, log: Path) -> None:
    for _ in range(600):
        if path.exists():
            return
        if proc.poll() is not None:
            break
        time.sleep(0.05)
    tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
    raise RuntimeError(f"{what} did not start (exit {proc.poll()}): {tail}")


@dataclass
class WordPress:
    """One WordPress site; ``start()`` brings it up, ``stop()`` ends every daemon it began."""

    root: Path
    port: int = field(default_factory=free_port)
    procs: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def www(self) -> Path:
        return self.root / "www"

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> None:
        try:
            self._start_db()
            self._make_webroot()
            self._start_fpm()
            self._start_nginx()
            self.php("install.php")
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        """SIGTERM each daemon by its pid (nginx and php-fpm stop their workers themselves)."""
        for name in ("nginx", "fpm", "db"):
            stop_by_pid(self.procs.pop(name, None))

    def __enter__(self) -> WordPress:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _spawn(self, name: str, argv: Sequence[str]) -> subprocess.Popen[bytes]:
        log = (self.root / f"{name}.out").open("ab")
        proc = subprocess.Popen(
            list(argv), stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )
        log.close()
        self.procs[name] = proc
        return proc

    def _start_db(self) -> None:
        data = self.root / "db"
        data.mkdir(parents=True)
        install = _which("mariadb-install-db", "mysql_install_db")
        assert install
        subprocess.run(
            [install, "--no-defaults", f"--datadir={data}", "--user=root", "--skip-test-db",
             "--auth-root-authentication-method=normal"],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
        sock = self.root / "db.sock"
        server = _which("mariadbd", "mysqld")
        assert server
        proc = self._spawn("db", [
            server, "--no-defaults", f"--datadir={data}", f"--socket={sock}", "--skip-networking",
            f"--pid-file={self.root / 'db.pid'}", "--user=root",
            f"--log-error={self.root / 'db.log'}",
            "--innodb-buffer-pool-size=32M", "--skip-log-bin", "--character-set-server=utf8mb4",
        ])  # fmt: skip
        _wait_for(sock, proc, "mariadbd", self.root / "db.log")
        client = _which("mariadb", "mysql")
        assert client
        for _ in range(100):
            done = subprocess.run(
                [client, "--no-defaults", f"--socket={sock}", "-uroot", "-e",
                 "CREATE DATABASE IF NOT EXISTS wp CHARACTER SET utf8mb4"],
                capture_output=True, timeout=30, check=False,
            )  # fmt: skip
            if done.returncode == 0:
                return
            time.sleep(0.1)
        raise RuntimeError(f"mariadb: {done.stderr.decode(errors='replace')}")

    def _make_webroot(self) -> None:
        www = self.www
        www.mkdir()
        for entry in WP_SRC.iterdir():
            if entry.name in ("wp-config.php", "wp-content"):
                continue
            if entry.is_dir():
                (www / entry.name).symlink_to(entry)
            else:
                shutil.copy2(entry, www / entry.name)
        content = www / "wp-content"
        for sub in ("themes", "plugins", "uploads", "upgrade"):
            (content / sub).mkdir(parents=True)
        for theme in stock_themes():
            (content / "themes" / theme).symlink_to(THEMES / theme)
        config = f"""<?php
define('DB_NAME', 'wp');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:{self.root / "db.sock"}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_HOME', '{self.url}');
define('WP_SITEURL', '{self.url}');
define('WP_CONTENT_DIR', '{content}');
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('FS_METHOD', 'direct');
$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
"""
        (www / "wp-config.php").write_text(config, encoding="utf-8")

    def _start_fpm(self) -> None:
        fpm = _fpm()
        assert fpm
        sock = self.root / "fpm.sock"
        conf = self.root / "fpm.conf"
        conf.write_text(
            f"[global]\npid = {self.root / 'fpm.pid'}\nerror_log = {self.root / 'fpm.log'}\n"
            "daemonize = no\n\n[wp]\n"
            f"listen = {sock}\npm = static\npm.max_children = 4\n"
            "catch_workers_output = yes\n"
            f"php_admin_value[error_log] = {self.root / 'php.log'}\n"
            "php_admin_flag[log_errors] = on\n",
            encoding="utf-8",
        )
        proc = self._spawn("fpm", [fpm, "--nodaemonize", "--allow-to-run-as-root", "--fpm-config",
                                   str(conf)])  # fmt: skip
        _wait_for(sock, proc, "php-fpm", self.root / "fpm.log")

    def _start_nginx(self) -> None:
        nginx = _which("nginx")
        assert nginx
        tmp = self.root / "nginx-tmp"
        tmp.mkdir()
        conf = self.root / "nginx.conf"
        conf.write_text(
            f"""daemon off;
master_process on;
worker_processes 2;
user root;
pid {self.root / "nginx.pid"};
error_log {self.root / "nginx.log"} warn;
events {{ worker_connections 256; }}
http {{
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi; uwsgi_temp_path {tmp}/uwsgi; scgi_temp_path {tmp}/scgi;
  server {{
    listen 127.0.0.1:{self.port};
    server_name 127.0.0.1;
    root {self.www};
    index index.php;
    location / {{ try_files $uri $uri/ /index.php?$args; }}
    location ~ \\.php$ {{
      try_files $uri =404;
{_FASTCGI_PARAMS}
      fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;
      fastcgi_pass unix:{self.root / "fpm.sock"};
    }}
  }}
}}
""",
            encoding="utf-8",
        )
        proc = self._spawn("nginx", [nginx, "-e", str(self.root / "nginx.log"), "-p",
                                     str(self.root), "-c", str(conf)])  # fmt: skip
        _wait_for(self.root / "nginx.pid", proc, "nginx", self.root / "nginx.log")
        for _ in range(100):
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("nginx does not answer on its port")

    # -- WordPress's own API through php-cli -----------------------------------------------

    def php(self, script: str, *args: str) -> str:
        """Run one of ``wp_php/*.php`` against this site; its stdout."""
        env = dict(os.environ, WP_ROOT=str(self.www), HTTP_HOST=f"127.0.0.1:{self.port}")
        done = subprocess.run(
            ["php", "-d", "display_errors=stderr", str(PHP_DIR / script), *args],
            capture_output=True, env=env, timeout=300, check=False, cwd=self.www,
        )  # fmt: skip
        if done.returncode != 0:
            raise RuntimeError(
                f"{script} failed ({done.returncode}): {done.stderr.decode(errors='replace')}"
                f"{done.stdout.decode(errors='replace')[-2000:]}"
            )
        return done.stdout.decode()

    def add_content(self) -> dict[str, Any]:
        out: dict[str, Any] = json.loads(self.php("content.php").strip().splitlines()[-1])
        return out

    def configure(self, theme: str, comments_page: str, order: str) -> None:
        self.php("configure.php", theme, comments_page, order)

    def truth(self) -> dict[str, Any]:
        out: dict[str, Any] = json.loads(self.php("truth.php").strip().splitlines()[-1])
        return out
