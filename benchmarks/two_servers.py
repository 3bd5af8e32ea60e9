"""Two atlas servers behind a reverse proxy hold twice the readers of one.

    apt-get install nginx            # Debian's package
    python benchmarks/two_servers.py [--sessions 20]

Starts two `streamlit run` processes on this checkout (they share its published files and
the disk cache of the events) and nginx in front of them, with session affinity by a cookie
(`atlas_route`, set by nginx on the first answer): a Streamlit session lives in one server's
memory (its websocket, its downloads), so every request of a reader must reach the same one.
Then N sessions against one server alone, and 2N through the proxy, each moving the year
slider (benchmarks/sessions.py); the figures are printed, never asserted. Everything listens
on 127.0.0.1 only and stops at the end.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import sessions  # noqa: E402
from bench import REPO, start_server  # noqa: E402

from dashboard.warm import wait_for_server  # noqa: E402

NGINX_CONF = """
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {folder}/body;
  proxy_temp_path {folder}/proxy;
  fastcgi_temp_path {folder}/fastcgi;
  uwsgi_temp_path {folder}/uwsgi;
  scgi_temp_path {folder}/scgi;
  map $http_upgrade $connection_upgrade {{ default upgrade; "" close; }}
  # a reader's server: by the cookie nginx gave it, else chosen for this first request
  map $cookie_atlas_route $route {{ "" $request_id; default $cookie_atlas_route; }}
  upstream atlas {{
    hash $route consistent;
    server 127.0.0.1:{first};
    server 127.0.0.1:{second};
  }}
  server {{
    listen 127.0.0.1:{port};
    location / {{
      proxy_pass http://atlas;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Host $host;
      proxy_read_timeout 1d;
      add_header Set-Cookie "atlas_route=$route; Path=/; HttpOnly; SameSite=Lax";
    }}
  }}
}}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_proxy(folder: Path, servers: list[str]) -> tuple[subprocess.Popen, str]:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        raise SystemExit("nginx is not installed: apt-get install nginx")
    port = free_port()
    ports = [url.rsplit(":", 1)[1] for url in servers]
    (folder / "nginx.conf").write_text(NGINX_CONF.format(folder=folder, first=ports[0], second=ports[1], port=port))
    process = subprocess.Popen([nginx, "-p", str(folder), "-c", str(folder / "nginx.conf"), "-g", "daemon off;"])
    url = f"http://127.0.0.1:{port}"
    wait_for_server(url, seconds=20)
    return process, url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20, help="readers on one server (twice as many on two)")
    args = parser.parse_args()
    events = REPO / "events.geojson"
    processes = []
    with tempfile.TemporaryDirectory() as folder:
        try:
            servers = []
            for _ in range(2):
                process, url = start_server(REPO / "dashboard" / "app.py", events)
                processes.append(process)
                servers.append(url)
            for url in servers:  # both warm, as at a deployment's start
                subprocess.run([sys.executable, "-m", "dashboard.warm", url], cwd=REPO, check=True)
            proxy, proxy_url = start_proxy(Path(folder), servers)
            processes.append(proxy)
            urllib.request.urlopen(proxy_url, timeout=10)  # the proxy answers
            time.sleep(1)
            rows = {
                f"1 server, {args.sessions} sessions": sessions.crowd(servers[0], sessions=args.sessions),
                f"2 servers + nginx, {2 * args.sessions} sessions": sessions.crowd(proxy_url, sessions=2 * args.sessions),
            }
        finally:
            for process in reversed(processes):
                process.terminate()
                process.wait(timeout=20)
    width = max(len(name) for name in rows) + 2
    metrics = list(next(iter(rows.values())))
    print(f"{'':<{width}}" + "".join(f"{metric:>20}" for metric in metrics))
    for name, row in rows.items():
        print(f"{name:<{width}}" + "".join(f"{row[metric]:>20.3f}" for metric in metrics))


if __name__ == "__main__":
    main()
