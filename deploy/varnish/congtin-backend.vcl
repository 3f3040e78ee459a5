# The site-specific part of congtin.vcl: where the application listens and who may ban.
#
# congtin.vcl includes this file by name through varnishd's vcl_path, so a deployment puts its own copy
# in a directory listed before deploy/varnish/ (deploy/run-prod writes one into .prod/varnish/):
#
#   varnishd -f "$PWD/deploy/varnish/congtin.vcl" \
#            -p vcl_path="/etc/congtin/varnish:$PWD/deploy/varnish:/usr/share/varnish/vcl" ...
#
# This default copy points at `make run`'s address. The probe `congtin_health` is declared in congtin.vcl.

backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .probe = congtin_health;
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
}

# Clients allowed to send BAN and PURGE: the application servers.
acl congtin_purgers {
    "127.0.0.1";
    "::1";
}
