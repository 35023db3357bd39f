"""Headless Chromium over the DevTools protocol, and the checks' report, for tools/browser-check and
tools/desk-check. Standard library only: a minimal websocket client (RFC 6455) talks to the browser."""
import argparse
import base64
import hashlib
import json
import os
import shutil
import socket
import ssl
import struct
import subprocess
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "tools", "out")
CHECKS = []        # the checks that passed
FAILED = []        # with keep_going(): the checks that failed
_keep_going = False


def say(line):
    print(line, flush=True)


def keep_going(on=True):
    """With `on`, a failed check is noted in FAILED and the run goes on; otherwise it exits 1."""
    global _keep_going
    _keep_going = on


def check(condition, what, detail=""):
    """Prints `ok` or `FAIL` for `what`; returns whether it held."""
    if not condition:
        say(f"FAIL  {what}" + (f"\n      {detail}" if detail else ""))
        if _keep_going:
            FAILED.append(what)
            return False
        raise SystemExit(1)
    CHECKS.append(what)
    say(f"ok    {what}")
    return True


def argument_parser(description, kept, plain_http):
    """The options both checks take; `kept` and `plain_http` finish the help of --keep and --plain-http."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--chromium", help="the browser to drive (default: chromium on the PATH)")
    parser.add_argument("--keep", action="store_true", help=f"keep the temporary directory ({kept})")
    parser.add_argument("--plain-http", action="store_true",
                        help=f"serve the hub on plain HTTP{plain_http} (default: HTTPS with a district CA)")
    parser.add_argument("--no-build", action="store_true", help="use the gongdan already built in .build/debug")
    return parser


# ---------------------------------------------------------------- a minimal websocket client (RFC 6455)

class WebSocket:
    def __init__(self, url, timeout=30):
        parsed = urllib.parse.urlparse(url)
        self.sock = socket.create_connection((parsed.hostname, parsed.port), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (f"GET {parsed.path} HTTP/1.1\r\nHost: {parsed.hostname}:{parsed.port}\r\n"
                   f"Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                   "Sec-WebSocket-Version: 13\r\n\r\n")
        self.sock.sendall(request.encode())
        response = b""
        while b"\r\n\r\n" not in response:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("the browser closed the websocket handshake")
            response += chunk
        head, self.buffer = response.split(b"\r\n\r\n", 1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise ConnectionError(f"websocket handshake refused: {head[:200]!r}")

    def send(self, text):
        payload = text.encode()
        header = bytearray([0x81])
        n = len(payload)
        if n < 126:
            header.append(0x80 | n)
        elif n < 65536:
            header.append(0x80 | 126)
            header += struct.pack(">H", n)
        else:
            header.append(0x80 | 127)
            header += struct.pack(">Q", n)
        mask = os.urandom(4)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(bytes(header) + mask + masked)

    def _exact(self, n):
        while len(self.buffer) < n:
            chunk = self.sock.recv(max(65536, n - len(self.buffer)))
            if not chunk:
                raise ConnectionError("the browser closed the websocket")
            self.buffer += chunk
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def recv(self):
        message = b""
        while True:
            first, second = self._exact(2)
            opcode, length = first & 0x0F, second & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._exact(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._exact(8))[0]
            mask = self._exact(4) if second & 0x80 else None
            payload = self._exact(length)
            if mask:
                payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
            if opcode == 0x8:
                raise ConnectionError("the browser closed the websocket")
            if opcode == 0x9:  # ping → pong
                self.sock.sendall(bytes([0x8A, 0x80 | len(payload)]) + b"\0\0\0\0" + payload)
                continue
            message += payload
            if first & 0x80:
                return message.decode()


# ---------------------------------------------------------------- DevTools

class DevTools:
    """Commands and events of one DevTools target."""

    def __init__(self, url):
        self.ws = WebSocket(url)
        self.next_id = 0
        self.events = []

    def call(self, method, **params):
        self.next_id += 1
        ident = self.next_id
        self.ws.sock.settimeout(30)
        self.ws.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)

    def wait_event(self, name, timeout=20):
        """Waits for event `name`; returns it and the events before it (all taken off the queue)."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            for index, event in enumerate(self.events):
                if event["method"] == name:
                    before = self.events[:index]
                    del self.events[: index + 1]
                    return event, before
            self.ws.sock.settimeout(max(0.1, deadline - time.time()))
            try:
                self.events.append(json.loads(self.ws.recv()))
            except socket.timeout:
                break
        raise TimeoutError(f"no {name} within {timeout} s")


class Page:
    """The one browser tab, at the site `base`. Keeps the HTTP status of every page it loads (the last
    document response before the load event); waits `timeout` seconds for a page to load."""

    def __init__(self, tools, base=None, timeout=10):
        self.tools = tools
        self.base = base
        self.timeout = timeout
        self.status = None
        self.statuses = []  # (url, status) of every page loaded
        tools.call("Page.enable")
        tools.call("Runtime.enable")
        tools.call("Network.enable")

    def evaluate(self, expression):
        result = self.tools.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def _loaded(self, what, timeout=None):
        timeout = timeout or self.timeout
        try:
            _, before = self.tools.wait_event("Page.loadEventFired", timeout=timeout)
        except TimeoutError:
            invalid = self.evaluate("[...document.querySelectorAll('form :invalid')].map(e => e.name || e.id)")
            say(f"FAIL  {what}: no page loaded within {timeout} s on {self.evaluate('location.href')}"
                + (f" (the browser would not send the form: {', '.join(invalid)} not filled in)" if invalid else ""))
            raise SystemExit(1)
        documents = [e["params"]["response"] for e in before
                     if e["method"] == "Network.responseReceived" and e["params"].get("type") == "Document"]
        self.status = documents[-1]["status"] if documents else None
        self.statuses.append((documents[-1]["url"] if documents else "?", self.status))

    def navigate(self, path):
        self.tools.events.clear()
        self.tools.call("Page.navigate", url=self.base + path)
        self._loaded(f"opening {path}")

    def submit(self, script, what="submitting a form", timeout=None):
        """Runs `script` (which submits a form) and waits for the next page to load."""
        self.tools.events.clear()
        self.evaluate(script)
        self._loaded(what, timeout)

    def click(self, selector, what=None):
        """Clicks the button `selector` (as a person would: the browser checks the required fields) and waits."""
        if not self.exists(selector):
            check(False, f"the page has {selector}", f"page {self.evaluate('location.href')}:\n{self.text()[:1500]}")
        self.submit(f"document.querySelector({json.dumps(selector)}).click()", what or f"clicking {selector}")

    def path(self):
        return self.evaluate("location.pathname")

    def url(self):
        return self.evaluate("location.pathname + location.search")

    def text(self):
        return self.evaluate("document.body.innerText")

    def exists(self, selector):
        return bool(self.evaluate(f"!!document.querySelector({json.dumps(selector)})"))

    def inner(self, selector):
        return self.evaluate(f"(e => e ? e.innerText : null)(document.querySelector({json.dumps(selector)}))")

    def width(self, width, height=900):
        """The viewport: a desktop (mobile off) or a phone (mobile on, device pixel ratio 2)."""
        phone = width < 640
        self.tools.call("Emulation.setDeviceMetricsOverride", width=width, height=height if not phone else 844,
                        deviceScaleFactor=2 if phone else 1, mobile=phone)

    def overflow(self):
        """How far the page is wider than its viewport, in CSS px, and the widest element sticking out."""
        return self.evaluate("""(() => {
            const w = document.documentElement.clientWidth, sw = document.documentElement.scrollWidth;
            let worst = null;
            for (const e of document.querySelectorAll('body *')) {
                const r = e.getBoundingClientRect();
                if (r.right > w + 1 && (!worst || r.right > worst.right))
                    worst = {right: Math.round(r.right), tag: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                             + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : ''),
                             text: (e.innerText || '').slice(0, 60)};
            }
            return {clientWidth: w, scrollWidth: sw, worst: worst};
        })()""")

    def wrapped(self):
        """Buttons and links in headings whose words are broken across lines (a squeezed 搜 / 索)."""
        return self.evaluate("""[...document.querySelectorAll('button, h2 a')].filter(e => {
                const r = e.getBoundingClientRect();
                if (!r.width || !e.textContent.trim()) return false;
                const range = document.createRange(); range.selectNodeContents(e);
                return new Set([...range.getClientRects()].filter(q => q.width).map(q => Math.round(q.top))).size > 1;
            }).map(e => e.textContent.trim())""")

    def screenshot(self, name):
        """Saves the whole page as tools/out/`name`."""
        data = self.tools.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)["data"]
        path = os.path.join(OUT, name)
        with open(path, "wb") as file:
            file.write(base64.b64decode(data))
        say(f"      screenshot {os.path.relpath(path, ROOT)}")

    def cookie(self, name):
        cookies = self.tools.call("Network.getCookies", urls=[self.base]).get("cookies", [])
        return next((c for c in cookies if c["name"] == name), None)


# ---------------------------------------------------------------- Chromium

def find_chromium(chosen=None):
    """The browser to drive: `chosen`, or chromium on the PATH; exits 1 when there is none."""
    executable = chosen or shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not executable:
        say("FAIL  no chromium: install it with `apt-get install -y chromium fonts-noto-cjk`")
        raise SystemExit(1)
    return executable


def hub_spki_pin(certificate_pem):
    """base64(SHA-256(SubjectPublicKeyInfo)) of a PEM certificate: what Chromium's
    --ignore-certificate-errors-spki-list pins. Reads the DER with a minimal parser (standard library only)."""
    der = ssl.PEM_cert_to_DER_cert(open(certificate_pem).read())

    def element(data, at):
        """(start of the content, end of the element) of the DER element at `at`."""
        length, at = data[at + 1], at + 2
        if length & 0x80:
            count = length & 0x7F
            length, at = int.from_bytes(data[at:at + count], "big"), at + count
        return at, at + length

    body, _ = element(der, 0)             # Certificate ::= SEQUENCE { tbsCertificate, … }
    at, _ = element(der, body)            # tbsCertificate ::= SEQUENCE { …
    if der[at] == 0xA0:                   # [0] version
        at = element(der, at)[1]
    for _ in range(5):                    # serialNumber, signature, issuer, validity, subject
        at = element(der, at)[1]
    spki = der[at:element(der, at)[1]]    # subjectPublicKeyInfo, whole (tag and length included)
    return base64.b64encode(hashlib.sha256(spki).digest()).decode()


def start_chromium(executable, directory, window, spki_pin=None):
    """Headless Chromium with a fresh profile in `directory` and a window of `window` ("W,H"); returns the
    process, the browser's DevTools URL and its page's. `spki_pin` (base64 SHA-256 of the hub's public key)
    makes it trust exactly the certificate with that key, as a browser with the district CA installed would
    trust the hub."""
    profile = os.path.join(directory, "chromium-profile")
    arguments = [executable, "--headless=new", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                 "--remote-debugging-port=0", f"--user-data-dir={profile}", f"--window-size={window}",
                 "--lang=zh-CN", "about:blank"]
    if spki_pin:
        arguments.insert(1, f"--ignore-certificate-errors-spki-list={spki_pin}")
    if os.geteuid() == 0:
        arguments.insert(1, "--no-sandbox")  # CI runs as root, where Chromium's sandbox cannot start
    browser = subprocess.Popen(arguments, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    port_file = os.path.join(profile, "DevToolsActivePort")
    for _ in range(200):
        if os.path.exists(port_file) and len(open(port_file).read().split()) >= 2:
            break
        if browser.poll() is not None:
            say(f"FAIL  chromium exited at start (status {browser.returncode}); install it with `apt-get install chromium`")
            raise SystemExit(1)
        time.sleep(0.1)
    else:
        say("FAIL  chromium did not open its DevTools port")
        raise SystemExit(1)
    port, browser_path = open(port_file).read().split()[:2]
    targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
    page = next(t for t in targets if t.get("type") == "page")
    return browser, f"ws://127.0.0.1:{port}{browser_path}", page["webSocketDebuggerUrl"]
