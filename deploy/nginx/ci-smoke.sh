#!/usr/bin/env bash
# CI: serve a demo database through Debian's nginx with the page cache
# (deploy/nginx/local-conf.sh: the shipped page-cache*.conf plus the purge
# location) and check, through nginx:
#   - the five page types (home, section, column listing, article, policy
#     document) and the 繁體/English home pages are cache HITs on the second fetch;
#   - search and the forms (letters, 信件查询, 依申请公开) are never cached (BYPASS,
#     Cache-Control private);
#   - a logged-in editor (session cookie) bypasses the cache;
#   - a publish from another process is fresh at once on the column listing,
#     the section, the home page and the article itself, in every language.
# Usage: deploy/nginx/ci-smoke.sh <demo.sqlite3> [app port] [nginx port]
set -euo pipefail
cd "$(dirname "$0")/../.."
db="$1"; app_port="${2:-8766}"; ng_port="${3:-8767}"
py="${PYTHON:-.venv/bin/python}"
prefix="$(mktemp -d)"
bash deploy/nginx/local-conf.sh "$prefix" "$ng_port" "$app_port"
export DATABASE_URL="sqlite:///$db" PAGECACHE_PURGE_URL="http://127.0.0.1:$ng_port/purge"
"$py" manage.py migrate -v0
"$py" manage.py runserver "127.0.0.1:$app_port" --noreload >"$prefix/logs/app.log" 2>&1 & app=$!
/usr/sbin/nginx -p "$prefix" -c "$prefix/conf/nginx.conf" & ng=$!
trap 'kill $app $ng 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf -o /dev/null "http://127.0.0.1:$ng_port/" && break; sleep 1; done
base="http://127.0.0.1:$ng_port"

# status, X-Cache-Status and Cache-Control of one GET (extra curl arguments after the URL)
probe() { curl -s -o /dev/null -D - "$@" | tr -d '\r' | awk 'BEGIN{IGNORECASE=1} /^HTTP/{c=$2} /^X-Cache-Status:/{s=$2} /^Cache-Control:/{sub(/^[^:]*: */,""); cc=$0} END{print c" "s" "cc}'; }
fail() { echo "FAILED: $*"; echo "-- app log:"; tail -20 "$prefix/logs/app.log"; exit 1; }

read -r article policy <<<"$("$py" manage.py shell -v 0 -c "
from sections.models import ArticlePage; from policy.models import PolicyDocumentPage
a = ArticlePage.objects.live().filter(locale__language_code='zh-hans').first()
p = PolicyDocumentPage.objects.live().filter(locale__language_code='zh-hans', disclosure='active').first()
print(a.url, p.url)" | tail -1)"
for url in / /xwzx/ /xwzx/xw/ "$article" "$policy" /zh-hant/ /en/; do
  curl -s -o /dev/null "$base$url"
  read -r code cache _cc <<<"$(probe "$base$url")"
  echo "   $url -> $code $cache"; [ "$code $cache" = "200 HIT" ] || fail "$url was not a cache hit"
done
for url in "/search/?q=%E5%BA%94%E6%80%A5" /search/ /hudong/write/consultation/ /hudong/query/ /ysqgk/apply/; do
  curl -s -o /dev/null "$base$url"
  read -r code cache cc <<<"$(probe "$base$url")"
  echo "   $url -> $code $cache ($cc)"
  [ "$cache" = "BYPASS" ] || fail "$url was not bypassed"
  case "$cc" in *private*|*no-cache*) ;; *) fail "$url sent no private Cache-Control" ;; esac
done
session=$("$py" manage.py shell -v 0 -c "
from django.contrib.auth import get_user_model; from django.test import Client
c = Client(); c.force_login(get_user_model().objects.get(username='admin')); print(c.cookies['sessionid'].value)" | tail -1)
read -r code cache cc <<<"$(probe "$base/xwzx/xw/" -H "Cookie: sessionid=$session")"
echo "   /xwzx/xw/ as a logged-in editor -> $code $cache ($cc)"
[ "$code $cache" = "200 BYPASS" ] || fail "a logged-in editor did not bypass the cache"

# Publish from another process (as an editor or an import would), then read through nginx at once.
urls=$("$py" manage.py shell -v 0 -c "
from wagtail.models import Page
from sections.models import ArticlePage, ColumnPage
col = ColumnPage.objects.get(url_path__endswith='/xwzx/xw/', locale__language_code='zh-hans')
p = ArticlePage(title='CI缓存清除检查', slug='ci-purge-check'); p.live = False
col.add_child(instance=p); p.save_revision().publish()
print(' '.join(x.url for x in Page.objects.live().filter(translation_key=p.translation_key).order_by('pk')))" | tail -1)
for url in /xwzx/xw/ /xwzx/ / $urls; do
  read -r code cache _cc <<<"$(probe "$base$url")"
  body=$(curl -s "$base$url")
  case "$url" in /zh-hant/*|/en/*) expect="";; *) expect="CI缓存清除检查";; esac
  echo "   after publish: $url -> $code $cache"
  [ "$code" = 200 ] || fail "$url answered $code after the publish"
  [ "$cache" != HIT ] || fail "$url still came from the cache after the publish"
  [ -z "$expect" ] || grep -q "$expect" <<<"$body" || fail "$url is stale after the publish"
done
echo "   publish purged the article, its listings and the home page at once"
