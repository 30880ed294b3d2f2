#!/usr/bin/env bash
# CI: serve a demo database through Debian's nginx with the page cache
# (deploy/nginx/local-conf.sh: the shipped page-cache*.conf plus the purge
# location) in front of gunicorn (2 workers, so a publish handled by one
# process must reach the other), and check, through nginx:
#   - the five page types (home, section, column listing, article, policy
#     document) in 简体, 繁體 and English, and a tag page, are cache HITs on the
#     second fetch;
#   - search and the forms (letters, 信件查询, 依申请公开) are never cached (BYPASS,
#     Cache-Control private);
#   - a logged-in editor (session cookie) bypasses the cache;
#   - a publish from another process (as an editor or an import would) is fresh
#     at once: the article itself, its column listing, the section and the home
#     page in every language it is live in, and a tag page and its feed for a
#     tagged policy document.
# Runs without root: nginx gets a prefix in a temporary directory (nginx -p), and
# the demo database is copied there first, so the caller's copy is not changed.
# Usage: deploy/nginx/ci-smoke.sh <demo.sqlite3> [app port] [nginx port]
set -euo pipefail
cd "$(dirname "$0")/../.."
src_db="$1"; app_port="${2:-8766}"; ng_port="${3:-8767}"
py="${PYTHON:-.venv/bin/python}"
gunicorn="$(dirname "$py")/gunicorn"
prefix="$(mktemp -d)"
app=""; ng=""
cleanup() {
  for pid in $app $ng; do kill "$pid" 2>/dev/null || true; done
  for pid in $app $ng; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$prefix"
}
trap cleanup EXIT
bash deploy/nginx/local-conf.sh "$prefix" "$ng_port" "$app_port"
db="$prefix/demo.sqlite3"
"$py" -c "import sqlite3, sys; s = sqlite3.connect(sys.argv[1]); d = sqlite3.connect(sys.argv[2]); s.backup(d); d.close()" "$src_db" "$db"
export DATABASE_URL="sqlite:///$db" PAGECACHE_PURGE_URL="http://127.0.0.1:$ng_port/purge"
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-settings.dev}"
"$gunicorn" --pythonpath site --workers 2 --bind "127.0.0.1:$app_port" --access-logfile - wsgi:application \
  >"$prefix/logs/app.log" 2>&1 & app=$!
/usr/sbin/nginx -p "$prefix" -c "$prefix/conf/nginx.conf" & ng=$!
up=""
for _ in $(seq 1 60); do curl -sf -o /dev/null "http://127.0.0.1:$ng_port/" && { up=1; break; }; sleep 0.5; done
base="http://127.0.0.1:$ng_port"
fail() {
  echo "FAILED: $*"; echo "-- app log:"; tail -20 "$prefix/logs/app.log"
  echo "-- nginx error log:"; tail -5 "$prefix/logs/error.log" 2>/dev/null || true; exit 1
}
[ -n "$up" ] || fail "nginx/gunicorn did not answer on $base/"

# status, X-Cache-Status and Cache-Control of one GET (extra curl arguments after the URL)
probe() { curl -s -o /dev/null -D - "$@" | tr -d '\r' | awk 'BEGIN{IGNORECASE=1} /^HTTP/{c=$2} /^X-Cache-Status:/{s=$2} /^Cache-Control:/{sub(/^[^:]*: */,""); cc=$0} END{print c" "s" "cc}'; }
# fetch twice; the second must be a HIT
expect_hit() {
  local url="$1" code cache _cc
  curl -s -o /dev/null "$base$url"
  read -r code cache _cc <<<"$(probe "$base$url")"
  echo "   $url -> $code $cache"; [ "$code $cache" = "200 HIT" ] || fail "$url was not a cache hit"
}
# one fetch after a change: not from the cache, 200, and the body shows (or lacks) a text
expect_fresh() {
  local url="$1" want="$2" mode="${3:-shows}" code cache _cc body
  body="$(curl -s -D "$prefix/headers" "$base$url")"
  read -r code cache _cc <<<"$(tr -d '\r' <"$prefix/headers" | awk 'BEGIN{IGNORECASE=1} /^HTTP/{c=$2} /^X-Cache-Status:/{s=$2} END{print c" "s}')"
  echo "   after publish: $url -> $code $cache ($mode $want)"
  [ "$code" = 200 ] || fail "$url answered $code after the publish"
  [ "$cache" != HIT ] || fail "$url still came from the cache after the publish"
  if [ "$mode" = shows ]; then grep -qF "$want" <<<"$body" || fail "$url is stale after the publish (no $want)"; fi
}

# One page of each type in every language (the article is the newest of 新闻, so a new
# item shows in its 相关信息), a tag of a tagged policy document, and a session of a
# logged-in editor ("SESSION <key>").
setup_out="$("$py" manage.py shell -v 0 -c "
from django.contrib.auth import get_user_model; from django.test import Client
from wagtail.models import Page
from sections.models import ArticlePage, ColumnPage, SectionPage
from policy.models import PolicyDocumentPage
home = Page.objects.get(depth=2, locale__language_code='zh-hans')
section = SectionPage.objects.live().get(url_path__endswith='/xwzx/', locale__language_code='zh-hans')
column = ColumnPage.objects.live().get(url_path__endswith='/xwzx/xw/', locale__language_code='zh-hans')
article = ArticlePage.objects.live().child_of(column).order_by('-first_published_at', '-pk').first()
policy = (PolicyDocumentPage.objects.live().filter(locale__language_code='zh-hans', disclosure='active')
          .filter(tags__isnull=False).first())
for page in (home, section, column, article, policy):
    for copy in Page.objects.live().filter(translation_key=page.translation_key).order_by('depth', 'pk'):
        print(copy.url)
print('/policy/tags/%s/' % policy.tags.first().slug)
c = Client(); c.force_login(get_user_model().objects.get(username='admin')); print('SESSION', c.cookies['sessionid'].value)")"
mapfile -t pages < <(grep '^/' <<<"$setup_out")
session="$(sed -n 's/^SESSION //p' <<<"$setup_out")"
[ "${#pages[@]}" -ge 11 ] || fail "expected the five page types in three languages, got: ${pages[*]}"
tag_url="${pages[-1]}"
for url in "${pages[@]}" "/zh-hant$tag_url"; do expect_hit "$url"; done

for url in "/search/?q=%E5%BA%94%E6%80%A5" /search/ /zh-hant/search/ /hudong/write/consultation/ /hudong/query/ /ysqgk/apply/; do
  curl -s -o /dev/null "$base$url"
  read -r code cache cc <<<"$(probe "$base$url")"
  echo "   $url -> $code $cache ($cc)"
  [ "$cache" = "BYPASS" ] || fail "$url was not bypassed"
  case "$cc" in *private*|*no-cache*) ;; *) fail "$url sent no private Cache-Control" ;; esac
done
[ -n "$session" ] || fail "no editor session"
read -r code cache cc <<<"$(probe "$base/xwzx/xw/" -H "Cookie: sessionid=$session")"
echo "   /xwzx/xw/ as a logged-in editor -> $code $cache ($cc)"
[ "$code $cache" = "200 BYPASS" ] || fail "a logged-in editor did not bypass the cache"

# Prime what the publishes below must purge, in every language. "/xwzx/xw/?" is the same
# listing spelled differently: it must share the cache entry (and so the purge).
primed=(/xwzx/xw/ /xwzx/ / /zh-hant/xwzx/xw/ /zh-hant/xwzx/ /zh-hant/ /en/xwzx/xw/ /en/xwzx/ /en/
        /sitemap/ /zh-hant/sitemap/ "$tag_url" "/en$tag_url" "${tag_url}rss/")
for url in "${primed[@]}"; do expect_hit "$url"; done
curl -s -o /dev/null "$base/xwzx/xw/?"
read -r code cache _cc <<<"$(probe "$base/xwzx/xw/?")"
echo "   /xwzx/xw/? -> $code $cache"; [ "$code $cache" = "200 HIT" ] || fail "/xwzx/xw/? was not a cache hit"

# Publish from another process (as an editor or an import would), then read through nginx at once:
# a new article in 新闻, a retitled sibling column of 新闻 (the side navigation of the 新闻 listing),
# and a new policy document with the primed tag. Output: "<url><TAB><text it must show now>".
mapfile -t fresh < <("$py" manage.py shell -v 0 -c "
from wagtail.models import Page
from sections.models import ArticlePage, ColumnPage
from policy.models import PolicyDocumentPage
col = ColumnPage.objects.get(url_path__endswith='/xwzx/xw/', locale__language_code='zh-hans')
newest = ArticlePage.objects.live().child_of(col).order_by('-first_published_at', '-pk').first()
p = ArticlePage(title='CI缓存清除检查', slug='ci-purge-check'); p.live = False
col.add_child(instance=p); p.save_revision().publish()
for copy in Page.objects.live().filter(translation_key=p.translation_key).order_by('pk'):
    for shown_on in [copy, *copy.get_ancestors().filter(depth__gte=2).order_by('-depth')]:
        print(shown_on.url, copy.title, sep='\t')
    for sibling in Page.objects.live().filter(translation_key=newest.translation_key, locale=copy.locale):
        print(sibling.url, copy.title, sep='\t')  # 相关信息 / 上一篇 of the previously newest item
print('/xwzx/xw/?', p.title, sep='\t')
sibling = ColumnPage.objects.live().sibling_of(col, inclusive=False).filter(locale=col.locale).first().specific
sibling.title = sibling.title + 'CI'; sibling.save_revision().publish()
for copy in ColumnPage.objects.live().filter(translation_key=sibling.translation_key):
    for listing in Page.objects.live().filter(translation_key=col.translation_key, locale=copy.locale):
        print(listing.url, copy.title, sep='\t')
tag_slug = '$(basename "$tag_url")'
source = PolicyDocumentPage.objects.live().filter(locale__language_code='zh-hans', tags__slug=tag_slug).first()
doc = PolicyDocumentPage(title='CI标签页清除检查', slug='ci-tag-purge-check', doc_number='CI〔2026〕1号',
                         written_date=source.written_date, disclosure='active'); doc.live = False
source.get_parent().add_child(instance=doc)
doc.tags.add(*source.tags.filter(slug=tag_slug)); doc.save_revision().publish()
for url in ('$tag_url', '${tag_url}rss/'):
    print(url, doc.title, sep='\t')
" | grep '^/')
[ "${#fresh[@]}" -ge 8 ] || fail "the publishes printed too few URLs: ${fresh[*]}"
# Each URL is fetched once (a second fetch would be a HIT of the fresh copy) and must show every text.
# "/xwzx/xw/?" shares the entry of "/xwzx/xw/": whichever comes second may be a HIT of the fresh copy.
mapfile -t fresh_urls < <(printf '%s\n' "${fresh[@]}" | cut -f1 | sort -u)
declare -A fetched=()
for url in "${fresh_urls[@]}"; do
  body="$(curl -s -D "$prefix/headers" "$base$url")"
  read -r code cache <<<"$(tr -d '\r' <"$prefix/headers" | awk 'BEGIN{IGNORECASE=1} /^HTTP/{c=$2} /^X-Cache-Status:/{s=$2} END{print c" "s}')"
  echo "   after publish: $url -> $code $cache"
  [ "$code" = 200 ] || fail "$url answered $code after the publish"
  [ "$cache" != HIT ] || [ -n "${fetched[${url%\?}]:-}" ] || fail "$url still came from the cache after the publish"
  fetched[${url%\?}]=1
  while IFS=$'\t' read -r u want; do
    [ "$u" = "$url" ] || continue
    grep -qF "$want" <<<"$body" || fail "$url is stale after the publish (does not show $want)"
  done < <(printf '%s\n' "${fresh[@]}")
done
for url in /sitemap/ /zh-hant/sitemap/ "/zh-hant$tag_url" "/en$tag_url" /en/xwzx/xw/; do expect_fresh "$url" "" purged; done
echo "   the publishes purged the article, its listings, its sibling items, the sibling columns' listings,"
echo "   the home pages, site maps, tag pages and feeds at once"
