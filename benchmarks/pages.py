"""Requests per second, p50 and p99 of public pages through nginx, with and without the page cache.

    python benchmarks/pages.py [--demo-db PATH] [--duration 10] [--connections 50]

What it starts, all on 127.0.0.1 and all stopped at the end:
- a scratch SQLite demo database: ``setup_demo`` into a temporary directory, or a
  copy of ``--demo-db`` (a database ``setup_demo`` built; it is not changed);
- gunicorn with production settings (``settings.production``, 2 workers, the
  per-process cache: no REDIS_URL) after ``collectstatic`` into ``static_collected/``;
- one nginx (``nginx -p`` in the temporary directory, 2 worker processes) with three servers:
  * ``cached``: the shipped page cache (deploy/nginx/page-cache*.conf) in front of gunicorn,
  * ``uncached``: the same proxy without ``proxy_cache``,
  * ``static``: the same HTML saved as files (fetched once from gunicorn in this run), served by nginx.

For each page (home, a column listing, an article, a policy document page and
/search/?q=应急) it runs wrk (``-t2 -c<connections> -d<duration>s --latency``)
against static, cached and uncached in turn, and prints requests/s, p50, p99 and
each figure's requests/s as a ratio to static. Search carries a query string,
so the page cache never stores it: its "cached" row measures the bypass.
Targets (issue 19): cached >= 50% of static; p99 < 200 ms at 50 connections for cached.
"""
import argparse
import datetime
import os
import re
import secrets
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = Path(sys.executable)
NGINX = "/usr/sbin/nginx"
PURGE_MODULE = "/usr/lib/nginx/modules/ngx_http_cache_purge_module.so"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.status
        except Exception:  # noqa: BLE001 - not up yet
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer within {timeout} s")


def fetch(url):
    with urllib.request.urlopen(urllib.request.Request(url, headers={"User-Agent": "bench"}), timeout=30) as response:
        return response.status, dict(response.headers), response.read()


def nginx_conf(prefix, app_port, ports, static_dir):
    user = "user root;" if os.geteuid() == 0 else ""
    proxy = "proxy_pass http://govsite_app; proxy_http_version 1.1; proxy_set_header Connection \"\"; proxy_set_header Host $http_host;"
    return f"""load_module {PURGE_MODULE};
{user} daemon off; worker_processes 2; pid {prefix}/nginx.pid; error_log {prefix}/logs/error.log;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  include /etc/nginx/mime.types;
  proxy_temp_path {prefix}/cache/tmp; client_body_temp_path {prefix}/cache/body;
  fastcgi_temp_path {prefix}/cache/f; uwsgi_temp_path {prefix}/cache/u; scgi_temp_path {prefix}/cache/s;
  include {ROOT}/deploy/nginx/page-cache-http.conf;
  proxy_cache_path {prefix}/cache/pages levels=1:2 keys_zone=govsite_pages:10m inactive=1d use_temp_path=off;
  upstream govsite_app {{ server 127.0.0.1:{app_port}; keepalive 32; }}
  server {{
    listen 127.0.0.1:{ports['cached']};
    location ~ ^/purge(/.*)$ {{ allow 127.0.0.1; deny all; proxy_cache_purge govsite_pages $1$is_args$args; }}
    location / {{ include {ROOT}/deploy/nginx/page-cache.conf; {proxy} }}
  }}
  server {{ listen 127.0.0.1:{ports['uncached']}; location / {{ {proxy} }} }}
  server {{ listen 127.0.0.1:{ports['static']}; root {static_dir}; default_type text/html; }}
}}
"""


WRK_LINE = re.compile(r"^\s*(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s)\s*$", re.M)


def wrk(url, duration, connections, threads):
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "--latency", url],
        capture_output=True, text=True, check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    lat = {}
    for pct, value, unit in WRK_LINE.findall(out):
        lat[pct] = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors:.*", out)
    return {"rps": rps, "p50": lat.get("50"), "p99": lat.get("99"),
            "non2xx": int(bad.group(1)) if bad else 0, "errors": errors.group(0) if errors else ""}


def pick_pages(env):
    code = (
        "from sections.models import ArticlePage\n"
        "from policy.models import PolicyDocumentPage\n"
        "a = ArticlePage.objects.live().filter(locale__language_code='zh-hans', url_path__contains='/xwzx/xw/').first()\n"
        "p = PolicyDocumentPage.objects.live().filter(locale__language_code='zh-hans', disclosure='active').first()\n"
        "print('PAGES', a.url, p.url)\n"
    )
    out = subprocess.run([str(PY), "manage.py", "shell", "-v", "0", "-c", code], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True).stdout
    article, policy = next(line for line in out.splitlines() if line.startswith("PAGES")).split()[1:]
    return [("home", "/"), ("column listing", "/xwzx/xw/"), ("article", article),
            ("policy document", policy), ("search", "/search/?q=%E5%BA%94%E6%80%A5")]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--demo-db", help="copy this setup_demo database instead of building one (saves ~10 min)")
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    args = parser.parse_args()
    for tool in ("wrk", NGINX):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is not installed (Debian: apt-get install wrk nginx libnginx-mod-http-cache-purge)")

    scratch = Path(tempfile.mkdtemp(prefix="govsite-bench-"))
    for sub in ("logs", "cache", "html"):
        (scratch / sub).mkdir()
    db = scratch / "demo.sqlite3"
    base_env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}", "PYTHONUNBUFFERED": "1"}
    base_env.pop("REDIS_URL", None)
    procs = []
    try:
        if args.demo_db:
            src, dst = sqlite3.connect(args.demo_db), sqlite3.connect(db)
            src.backup(dst)
            dst.close(), src.close()
            print(f"demo database: copy of {args.demo_db}")
        else:
            print("demo database: setup_demo into a scratch SQLite file (takes minutes)...", flush=True)
            subprocess.run([str(PY), "manage.py", "setup_demo"], cwd=ROOT, env={**base_env, "DJANGO_SETTINGS_MODULE": "settings.dev"},
                           check=True, stdout=subprocess.DEVNULL)
        prod_env = {
            **base_env, "DJANGO_SETTINGS_MODULE": "settings.production", "DJANGO_SECRET_KEY": secrets.token_urlsafe(40),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost", "DJANGO_SECURE_SSL_REDIRECT": "false",
        }
        subprocess.run([str(PY), "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=prod_env, check=True)
        pages = pick_pages(prod_env)

        app_port = free_port()
        ports = {"cached": free_port(), "uncached": free_port(), "static": free_port()}
        prod_env["PAGECACHE_PURGE_URL"] = f"http://127.0.0.1:{ports['cached']}/purge"
        gunicorn = PY.parent / "gunicorn"
        procs.append(subprocess.Popen(
            [str(gunicorn), "--pythonpath", "site", "--workers", str(args.workers), "--bind", f"127.0.0.1:{app_port}",
             "--forwarded-allow-ips", "127.0.0.1", "wsgi:application"],
            cwd=ROOT, env=prod_env, stdout=open(scratch / "logs" / "app.log", "w"), stderr=subprocess.STDOUT,
        ))
        (scratch / "conf").mkdir()
        conf = scratch / "conf" / "nginx.conf"
        conf.write_text(nginx_conf(scratch, app_port, ports, scratch / "html"))
        procs.append(subprocess.Popen([NGINX, "-p", str(scratch), "-c", str(conf)],
                                      stdout=subprocess.DEVNULL, stderr=open(scratch / "logs" / "nginx.out", "w")))
        wait_for(f"http://127.0.0.1:{ports['uncached']}/")

        targets = []
        for index, (name, path) in enumerate(pages):
            status, _headers, body = fetch(f"http://127.0.0.1:{ports['uncached']}{path}")
            if status != 200:
                raise SystemExit(f"{path} answered {status}")
            static_name = f"page{index}.html"
            (scratch / "html" / static_name).write_bytes(body)
            fetch(f"http://127.0.0.1:{ports['cached']}{path}")
            _s, headers, _b = fetch(f"http://127.0.0.1:{ports['cached']}{path}")
            targets.append((name, path, static_name, headers.get("X-Cache-Status", "?"), len(body)))

        started = datetime.datetime.now(datetime.timezone.utc)
        print(f"\n{started:%Y-%m-%d %H:%M} UTC, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; "
              f"gunicorn {args.workers} workers (settings.production, SQLite, per-process cache), nginx 2 workers; "
              f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s")
        results = []
        for name, path, static_name, cache_status, size in targets:
            row = {"name": name, "path": path, "size": size, "cache": cache_status}
            for kind, url in (("static", f"http://127.0.0.1:{ports['static']}/{static_name}"),
                              ("cached", f"http://127.0.0.1:{ports['cached']}{path}"),
                              ("uncached", f"http://127.0.0.1:{ports['uncached']}{path}")):
                row[kind] = wrk(url, args.duration, args.connections, args.threads)
                print(f"  {name:16} {kind:9} {row[kind]['rps']:10.1f} req/s  p50 {row[kind]['p50']:8.1f} ms"
                      f"  p99 {row[kind]['p99']:8.1f} ms  non-2xx {row[kind]['non2xx']} {row[kind]['errors']}", flush=True)
            results.append(row)
        print(f"\nload average at the end {os.getloadavg()[0]:.1f}\n")
        print("| page | bytes | nginx static req/s | cached req/s (ratio) | cached p50 / p99 ms | uncached req/s (ratio) | uncached p50 / p99 ms |")
        print("|---|---|---|---|---|---|---|")
        for row in results:
            s, c, u = row["static"], row["cached"], row["uncached"]
            label = row["name"] + (" (query string: never cached)" if "?" in row["path"] else f" ({row['cache']} when primed)")
            print(f"| {label} | {row['size']:,} | {s['rps']:,.0f} | {c['rps']:,.0f} ({c['rps'] / s['rps']:.1%}) | "
                  f"{c['p50']:.1f} / {c['p99']:.1f} | {u['rps']:,.1f} ({u['rps'] / s['rps']:.2%}) | {u['p50']:.0f} / {u['p99']:.0f} |")
        cached = [r for r in results if "?" not in r["path"]]
        ratio_ok = all(r["cached"]["rps"] >= 0.5 * r["static"]["rps"] for r in cached)
        p99_ok = all(r["cached"]["p99"] < 200 for r in cached)
        print(f"\ntarget cached >= 50% of nginx static: {'met' if ratio_ok else 'NOT met'}; "
              f"cached p99 < 200 ms at {args.connections} connections: {'met' if p99_ok else 'NOT met'}")
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in reversed(procs):
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
