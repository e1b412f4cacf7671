"""The front door of ``kg serve``: a small HTTP proxy that checks each SPARQL query
before Oxigraph sees it.

Oxigraph runs SERVICE calls itself (a query could make the server fetch any URL:
server-side request forgery) and knows none of geokg's prefixes. The proxy refuses
queries that reach outside the store (``kg.query.outside_reaches``), puts geokg's
PREFIX lines before every query, and passes everything else (the query page, its
scripts, results) through unchanged.
"""

from __future__ import annotations

import threading
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from kg import vocab
from kg.errors import QueryError

#: geokg's prefixes as a SPARQL prologue; a query's own PREFIX lines come after
#: it and win for the names they declare.
PROLOGUE = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in vocab.PREFIXES.items())
#: Largest request body read (a query, not a data upload).
MAX_BODY = 1 << 20


def checked(query: str) -> str:
    """The query with geokg's prologue; QueryError if it is malformed or reaches out."""
    from kg.query import outside_reaches, parse

    text = PROLOGUE + query
    _form, tree = parse(text)
    reaches = outside_reaches(tree)
    if reaches:
        raise QueryError(f"{', '.join(reaches)} is not allowed on this endpoint")
    return text


def _handler(backend: str) -> type[BaseHTTPRequestHandler]:
    class Guard(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass  # no access log on the terminal

        def do_GET(self) -> None:
            url = urllib.parse.urlsplit(self.path)
            if url.path != "/query":
                self._forward("GET", self.path, None, {})
                return
            params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
            self._query(params, "GET", None)

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                self._refuse(413, "the request is too large for a query")
                return
            body = self.rfile.read(length)
            kind = (self.headers.get("Content-Type") or "").split(";")[0].strip()
            if urllib.parse.urlsplit(self.path).path != "/query":
                self._refuse(405, "this endpoint is read-only")
            elif kind == "application/sparql-query":
                params = {"query": [body.decode("utf-8", "replace")]}
                self._query(params, "POST", kind)
            elif kind == "application/x-www-form-urlencoded":
                params = urllib.parse.parse_qs(body.decode("utf-8", "replace"))
                self._query(params, "POST", kind)
            else:
                self._refuse(415, "send the query as application/sparql-query or a form")

        def _query(self, params: dict[str, list[str]], method: str, kind: str | None) -> None:
            if len(params.get("query", [])) != 1:
                self._refuse(400, "give exactly one query parameter")
                return
            try:
                params["query"] = [checked(params["query"][0])]
            except QueryError as err:
                self._refuse(403 if "not allowed" in str(err) else 400, str(err))
                return
            encoded = urllib.parse.urlencode(params, doseq=True)
            if method == "GET":
                self._forward("GET", f"/query?{encoded}", None, {})
            elif kind == "application/sparql-query":
                rest = {k: v for k, v in params.items() if k != "query"}
                path = "/query" + (f"?{urllib.parse.urlencode(rest, doseq=True)}" if rest else "")
                self._forward("POST", path, params["query"][0].encode(), {"Content-Type": kind})
            else:
                self._forward("POST", "/query", encoded.encode(), {"Content-Type": kind or ""})

        def _forward(self, method: str, path: str, body: bytes | None, headers: dict) -> None:
            accept = self.headers.get("Accept")
            request = urllib.request.Request(
                backend + path,
                data=body,
                method=method,
                headers={**headers, **({"Accept": accept} if accept else {})},
            )
            try:
                response = urllib.request.urlopen(request, timeout=None)
            except urllib.error.HTTPError as err:
                response = err
            except OSError as err:
                self._refuse(502, f"the SPARQL server did not answer ({err})")
                return
            with response:
                self.send_response(response.status)
                for name in ("Content-Type", "Content-Disposition", "Cache-Control"):
                    if response.headers.get(name):
                        self.send_header(name, response.headers[name])
                self.send_header("Connection", "close")
                self.end_headers()
                while chunk := response.read(1 << 16):
                    self.wfile.write(chunk)

        def _refuse(self, status: int, message: str) -> None:
            data = (message + "\n").encode()
            self.send_response(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Guard


def start_guard(host: str, port: int, backend: str) -> ThreadingHTTPServer:
    """Serve the guard on ``host:port`` in a daemon thread, in front of ``backend``
    (``http://host:port`` of Oxigraph); ``shutdown()`` stops it."""
    server = ThreadingHTTPServer((host, port), _handler(backend))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="sparql-guard", daemon=True).start()
    return server
