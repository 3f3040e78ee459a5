# congtin front cache (Varnish 7, VCL 4.1). Decision record: docs/decisions/0018-front-cache.md.
#
# What it does
#   - Caches only what the application marks public (Cache-Control with s-maxage or max-age); a
#     response without Cache-Control, with private/no-cache/no-store, with Set-Cookie, or a 5xx is
#     never stored.
#   - Anonymous readers share the cache: every cookie is dropped except the language choice, which is
#     kept only when it asks for English, so a page has at most two variants (Vary: Cookie).
#   - Admin, Django admin, the language switch, preview and anyone holding a session cookie pass
#     straight to the application with their cookies.
#   - Purge by cache tags: the application labels each response with X-Cache-Tags (page-42 listing-5
#     home sitemap ...) and, after a publish, sends `BAN /` with the X-Cache-Tags of what changed
#     and/or X-Ban-Url (a path prefix). Bans test obj.http.* only, so the ban lurker clears them in the
#     background.
#   - Text (HTML, feeds, JSON, CSS, JS, SVG) is stored gzip-compressed and sent so to browsers.
#   - Grace: while the application is healthy a stale object is served for at most 10 s while one
#     background fetch refreshes it (concurrent misses are coalesced by Varnish's waiting list);
#     when the health probe says the application is down, stale objects are served for up to 24 h.
#
# The backend and the purgers' ACL live in congtin-backend.vcl, found through vcl_path (see that file).

vcl 4.1;

import std;

probe congtin_health {
    .url = "/healthz";
    .expected_response = 200;
    .interval = 2s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

include "congtin-backend.vcl";

sub vcl_recv {
    if (req.method == "BAN") {
        if (client.ip !~ congtin_purgers) {
            return (synth(405, "Not allowed"));
        }
        # X-Cache-Tags: space-separated tags; an object carrying any of them is banned.
        if (req.http.X-Cache-Tags) {
            set req.http.X-Ban-Tags = regsuball(std.tolower(req.http.X-Cache-Tags), "[^a-z0-9_ -]", "");
            set req.http.X-Ban-Tags = regsuball(regsuball(req.http.X-Ban-Tags, "^ +| +$", ""), " +", "|");
            if (req.http.X-Ban-Tags != "") {
                # No spaces inside the expression: ban() splits its argument on them.
                ban("obj.http.X-Cache-Tags ~ (^|\s)(" + req.http.X-Ban-Tags + ")(\s|$)");
            }
        }
        # X-Ban-Url: a path prefix (every query string and sub-route under it).
        if (req.http.X-Ban-Url ~ "^/") {
            ban("obj.http.X-Url ~ ^" + regsuball(req.http.X-Ban-Url, "([.?*+^$|(){}\[\]\\])", "\\\1"));
        }
        return (synth(200, "Banned"));
    }
    if (req.method == "PURGE") {
        if (client.ip !~ congtin_purgers) {
            return (synth(405, "Not allowed"));
        }
        return (purge);
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Never cached: the editorial admin, the Django admin, the language switch, the health probe.
    if (req.url ~ "^/(admin|django-admin|i18n)/" || req.url ~ "^/healthz") {
        return (pass);
    }
    # A session means a signed-in user (or a reader in the middle of a form): bypass the cache.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }

    # Anonymous: keep only the language choice, and only when it is English (Vietnamese is the default,
    # so "no cookie" and "vi" are the same page). The CSRF cookie is dropped too: a cached page must never
    # embed a token derived from one reader's secret.
    if (req.http.Cookie ~ "(^|;\s*)django_language=en(;|$)") {
        set req.http.Cookie = "django_language=en";
    } else {
        unset req.http.Cookie;
    }
    # Tracking parameters do not change a page.
    set req.url = regsuball(req.url, "([?&])(utm_[a-z]+|fbclid|gclid)=[^&]*", "\1");
    set req.url = regsub(req.url, "[?&]+$", "");

    # Grace: 10 s of stale-while-revalidate while the application answers its probe; the full grace
    # (stale-if-error) when it does not.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    if (req.http.host) {
        hash_data(req.http.host);
    } else {
        hash_data(server.ip);
    }
    return (lookup);
}

sub vcl_backend_response {
    # Remember the URL on the object for lurker-friendly URL bans.
    set beresp.http.X-Url = bereq.url;

    if (beresp.status >= 500) {
        # Never cache an error; a background refresh that fails keeps the stale copy.
        if (bereq.is_bgfetch) {
            return (abandon);
        }
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(private|no-cache|no-store)"
        || !(beresp.http.Cache-Control ~ "(s-maxage|max-age)=[1-9]")
        || beresp.http.Vary == "*") {
        # Hit-for-miss: later requests go to the application without waiting on each other.
        set beresp.uncacheable = true;
        set beresp.ttl = 60s;
        return (deliver);
    }
    # Stored compressed, once: browsers (all of them send Accept-Encoding: gzip) get the stored bytes,
    # a client without gzip gets them inflated on the way out. Images and files are compressed already.
    if (beresp.http.Content-Type ~ "^(text/|application/(json|ld\+json|xml|rss\+xml|atom\+xml|activity\+json|javascript)|image/svg\+xml)") {
        set beresp.do_gzip = true;
    }
    # Stale-if-error reserve: kept 24 h past its TTL; req.grace decides how much of it is used.
    set beresp.grace = 24h;
    set beresp.keep = 0s;
    return (deliver);
}

sub vcl_backend_error {
    # The application did not answer at all (and there was no stale copy to serve).
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Retry-After = "10";
    synthetic({"<!DOCTYPE html><html lang="vi"><meta charset="utf-8"><title>Tạm thời gián đoạn</title><h1>Cổng thông tin tạm thời gián đoạn</h1><p>Xin vui lòng thử lại sau ít phút. (The portal is briefly unavailable; please try again in a few minutes.)</p></html>"});
    return (deliver);
}

sub vcl_deliver {
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # Tags and the stored URL are for the cache only; the browser sees the application's Cache-Control
    # (max-age=0: a reader's browser always revalidates, so a purge reaches every reader).
    unset resp.http.X-Cache-Tags;
    unset resp.http.X-Url;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
