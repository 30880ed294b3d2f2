#!/usr/bin/env bash
# CI: serve a demo database through Debian's nginx with the page cache and
# fetch the five page types through it (second fetch must be a cache HIT),
# then publish an article and check the column listing shows it at once.
# Usage: deploy/nginx/ci-smoke.sh <demo.sqlite3> [app port] [nginx port]
set -euo pipefail
cd "$(dirname "$0")/../.."
db="$1"; app_port="${2:-8766}"; ng_port="${3:-8767}"
prefix="$(mktemp -d)"; mkdir -p "$prefix/conf" "$prefix/logs" "$prefix/cache"
cp deploy/nginx/page-cache.conf deploy/nginx/page-cache-http.conf "$prefix/conf/"
cat > "$prefix/conf/nginx.conf" <<CONF
load_module /usr/lib/nginx/modules/ngx_http_cache_purge_module.so;
user root; daemon off; worker_processes 1; pid $prefix/nginx.pid; error_log $prefix/logs/error.log;
events { worker_connections 256; }
http {
  access_log off;
  proxy_temp_path $prefix/cache/tmp; client_body_temp_path $prefix/cache/body;
  fastcgi_temp_path $prefix/cache/f; uwsgi_temp_path $prefix/cache/u; scgi_temp_path $prefix/cache/s;
  include $prefix/conf/page-cache-http.conf;
  proxy_cache_path $prefix/cache/pages levels=1:2 keys_zone=govsite_pages:10m inactive=1d use_temp_path=off;
  server {
    listen 127.0.0.1:$ng_port;
    location ~ ^/purge(/.*)\$ { allow 127.0.0.1; deny all; proxy_cache_purge govsite_pages \$1\$is_args\$args; }
    location / { include $prefix/conf/page-cache.conf; proxy_pass http://127.0.0.1:$app_port; proxy_set_header Host \$http_host; }
  }
}
CONF
export DATABASE_URL="sqlite:///$db" PAGECACHE_PURGE_URL="http://127.0.0.1:$ng_port/purge"
.venv/bin/python manage.py migrate -v0
.venv/bin/python manage.py runserver "127.0.0.1:$app_port" --noreload >/dev/null 2>&1 & app=$!
/usr/sbin/nginx -p "$prefix" -c "$prefix/conf/nginx.conf" & ng=$!
trap 'kill $app $ng 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf -o /dev/null "http://127.0.0.1:$ng_port/" && break; sleep 1; done
article=$(.venv/bin/python manage.py shell -v 0 -c "from sections.models import ArticlePage; print(ArticlePage.objects.live().filter(locale__language_code='zh-hans').first().url)" | tail -1)
policy=$(.venv/bin/python manage.py shell -v 0 -c "from policy.models import PolicyDocumentPage; print(PolicyDocumentPage.objects.live().filter(locale__language_code='zh-hans', disclosure='active').first().url)" | tail -1)
for url in / /xwzx/ /xwzx/xw/ "$article" "$policy" /zh-hant/ /en/; do
  curl -s -o /dev/null "http://127.0.0.1:$ng_port$url"
  status=$(curl -s -o /dev/null -D - "http://127.0.0.1:$ng_port$url" | tr -d '\r' | awk '/^HTTP/{c=$2} /^X-Cache-Status/{s=$2} END{print c" "s}')
  echo "   $url -> $status"; [ "$status" = "200 HIT" ] || exit 1
done
search=$(curl -s -o /dev/null -D - "http://127.0.0.1:$ng_port/search/?q=x" | tr -d '\r' | awk '/^X-Cache-Status/{print $2}')
echo "   /search/?q=x -> $search"; [ "$search" = "BYPASS" ] || exit 1
.venv/bin/python manage.py shell -v 0 -c "
from sections.models import ArticlePage, ColumnPage
col = ColumnPage.objects.get(url_path__endswith='/xwzx/xw/', locale__language_code='zh-hans')
p = ArticlePage(title='CI缓存清除检查', slug='ci-purge-check'); p.live = False
col.add_child(instance=p); p.save_revision().publish()"
curl -s "http://127.0.0.1:$ng_port/xwzx/xw/" | grep -q "CI缓存清除检查" || { echo "column listing stale after publish"; exit 1; }
echo "   publish purged /xwzx/xw/ at once"
