#!/usr/bin/env bash
# Re-creates samples/captures/web-dns.pcap: real HTTP and DNS traffic on the loopback interface.
# Needs root (tcpdump on lo, ports 80 and 53), tcpdump, curl and python3. Everything stays on 127.0.0.1.
# Usage: scripts/make-sample-capture.sh [N_HTTP] [N_DNS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
n_http=${1:-60}
n_dns=${2:-60}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
out=samples/captures/web-dns.pcap

mkdir -p "$work/site/docs"
printf 'hello\n' > "$work/site/index.html"
head -c 1800 /dev/zero | tr '\0' 'a' > "$work/site/docs/page.html"
head -c 9000 /dev/zero | tr '\0' 'b' > "$work/site/docs/big.txt"
(cd "$work/site" && exec python3 -m http.server 80 --bind 127.0.0.1 >/dev/null 2>&1) &
# a minimal authoritative DNS responder: answers every A query with 10.0.0.1, NXDOMAIN for "missing"
cat > "$work/dns.py" <<'PY'
import socket, struct
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 53))
while True:
    q, peer = s.recvfrom(512)
    tid, flags, qd = struct.unpack(">HHH", q[:6])
    name_end = q.index(b"\0", 12) + 5
    question = q[12:name_end]
    if b"missing" in question:
        s.sendto(struct.pack(">HHHHHH", tid, 0x8183, 1, 0, 0, 0) + question, peer)
    else:
        answer = b"\xc0\x0c" + struct.pack(">HHIH", 1, 1, 300, 4) + bytes([10, 0, 0, 1])
        s.sendto(struct.pack(">HHHHHH", tid, 0x8180, 1, 1, 0, 0) + question + answer, peer)
PY
python3 "$work/dns.py" &
sleep 1
tcpdump -i lo -s 0 -U -w "$work/capture.pcap" 'host 127.0.0.1 and (tcp port 80 or udp port 53)' 2>/dev/null &
sleep 1
paths=(/ /docs/page.html /docs/big.txt /nothing-here)
for ((i = 0; i < n_http; i++)); do
  curl -s -o /dev/null "http://127.0.0.1${paths[i % 4]}" || true
  sleep 0.0$((RANDOM % 9 + 1))
done
for ((i = 0; i < n_dns; i++)); do
  name=$([[ $((i % 5)) -eq 4 ]] && echo "missing$i.example" || echo "host$i.example.org")
  python3 - "$name" <<'PY'
import socket, struct, sys, os
name = sys.argv[1]
q = struct.pack(">HHHHHH", int.from_bytes(os.urandom(2), "big"), 0x0100, 1, 0, 0, 0)
q += b"".join(bytes([len(p)]) + p.encode() for p in name.split(".")) + b"\0" + struct.pack(">HH", 1, 1)
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(1)
s.sendto(q, ("127.0.0.1", 53)); s.recvfrom(512)
PY
  sleep 0.0$((RANDOM % 9 + 1))
done
sleep 1
kill %3 2>/dev/null || true
wait %3 2>/dev/null || true
mkdir -p "$(dirname "$out")"
mv "$work/capture.pcap" "$out"
echo "wrote $out ($(stat -c %s "$out") bytes)"
