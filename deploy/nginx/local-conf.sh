#!/usr/bin/env bash
# Write a self-contained nginx.conf under <prefix> that serves 127.0.0.1:<nginx port>
# from the app on 127.0.0.1:<app port> with the page cache (page-cache*.conf) and the
# purge location, for CI, the tests (tests/perf/test_nginx_page_cache.py) and
# benchmarks/pages.py. Start it with: nginx -p <prefix> -c <prefix>/conf/nginx.conf
# Usage: deploy/nginx/local-conf.sh <prefix> <nginx port> <app port>
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
prefix="$1"; ng_port="$2"; app_port="$3"
mkdir -p "$prefix/conf" "$prefix/logs" "$prefix/cache"
cp "$here/page-cache.conf" "$here/page-cache-http.conf" "$prefix/conf/"
user_line=""; [ "$(id -u)" = 0 ] && user_line="user root;"
cat > "$prefix/conf/nginx.conf" <<CONF
load_module /usr/lib/nginx/modules/ngx_http_cache_purge_module.so;
$user_line daemon off; worker_processes 1; pid $prefix/nginx.pid; error_log $prefix/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  proxy_temp_path $prefix/cache/tmp; client_body_temp_path $prefix/cache/body;
  fastcgi_temp_path $prefix/cache/f; uwsgi_temp_path $prefix/cache/u; scgi_temp_path $prefix/cache/s;
  include $prefix/conf/page-cache-http.conf;
  proxy_cache_path $prefix/cache/pages levels=1:2 keys_zone=govsite_pages:10m inactive=1d use_temp_path=off;
  upstream govsite_app { server 127.0.0.1:$app_port; keepalive 16; }
  server {
    listen 127.0.0.1:$ng_port;
    location ~ ^/purge(/.*)\$ { allow 127.0.0.1; deny all; proxy_cache_purge govsite_pages \$1\$is_args\$args; }
    location / {
      include $prefix/conf/page-cache.conf;
      proxy_pass http://govsite_app;
      proxy_http_version 1.1; proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
    }
  }
}
CONF
