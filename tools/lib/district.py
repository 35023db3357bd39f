"""gongdan's processes for tools/browser-check and tools/desk-check: the binary, its commands, a hub
serving at a fixed clock and a seeded district of nodes on it."""
import errno
import json
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.request

from browser import ROOT, say


def gongdan_binary(no_build):
    """The gongdan to run: the one in .build/debug with `no_build`, else built now; exits 1 when there is none."""
    if no_build:
        gongdan = os.path.join(ROOT, ".build", "debug", "gongdan")
    else:
        say("building gongdan …")
        subprocess.run(["swift", "build", "--product", "gongdan"], cwd=ROOT, check=True, stdout=sys.stderr)
        bin_path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True, capture_output=True,
                                  text=True).stdout.strip()
        gongdan = os.path.join(bin_path, "gongdan")
    if not os.access(gongdan, os.X_OK):
        say(f"FAIL  no gongdan at {gongdan}: build it (swift build --product gongdan) or drop --no-build")
        raise SystemExit(1)
    return gongdan


def retrying(launch):
    """`launch()`, tried again for a few seconds while gongdan's binary is being replaced by a build."""
    for attempt in range(6):
        try:
            return launch()
        except OSError as error:
            if error.errno not in (errno.ETXTBSY, errno.ENOENT) or attempt == 5:
                raise
            time.sleep(2)


def start(arguments, **keywords):
    """A server in its own process group (so that stopping it stops all of it)."""
    return retrying(lambda: subprocess.Popen(arguments, start_new_session=True, **keywords))


def stop(process):
    """Stops the process group of `process` (if it still runs): SIGTERM, then SIGKILL after 10 s."""
    if process and process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def leave(directory, keep):
    """Removes the run's temporary `directory`, or says where it is kept."""
    if keep:
        say(f"kept {directory}")
    else:
        shutil.rmtree(directory, ignore_errors=True)


def run(gongdan, *arguments, now=None, db=None, user=None, expect_json=False):
    """One gongdan command (in Chinese, at the clock `now`); its output, or its JSON; exits 1 when it fails."""
    environment = dict(os.environ, LANG="zh_CN.UTF-8")
    for key in ("GONGDAN_DB", "GONGDAN_HUB_DB", "GONGDAN_NOW"):
        environment.pop(key, None)
    if now:
        environment["GONGDAN_NOW"] = now
    if user:
        environment["GONGDAN_USER"] = user
    command = [gongdan, *arguments] + (["--db", db] if db else []) + (["--json"] if expect_json else [])
    done = retrying(lambda: subprocess.run(command, env=environment, capture_output=True, text=True))
    if done.returncode != 0:
        say(f"FAIL  gongdan {' '.join(arguments)}\n{done.stdout}{done.stderr}")
        raise SystemExit(1)
    return json.loads(done.stdout) if expect_json else done.stdout


class HubServer:
    """`gongdan hub serve` on one port of 127.0.0.1, started again whenever its fixed clock must move
    (or after it was stopped)."""

    def __init__(self, gongdan, hub_db, log_path, tls=None):
        self.gongdan, self.hub_db, self.log_path = gongdan, hub_db, log_path
        self.tls = tls  # the folder of `hub tls init` (serve HTTPS), or None (plain HTTP)
        self.scheme = "https" if tls else "http"
        self.context = ssl.create_default_context(cafile=os.path.join(tls, "ca.pem")) if tls else None
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.process, self.now = None, None

    def serve(self, now):
        """Serves at `now` (a no-op when it already does) and returns the hub's URL."""
        url = f"{self.scheme}://127.0.0.1:{self.port}"
        if now == self.now and self.poll() is None:
            return url
        self.stop()
        environment = dict(os.environ, GONGDAN_NOW=now, LANG="zh_CN.UTF-8")
        log = open(self.log_path, "a")
        arguments = [self.gongdan, "hub", "serve", "--db", self.hub_db, "--listen", f"127.0.0.1:{self.port}"]
        if self.tls:
            arguments += ["--tls-cert", os.path.join(self.tls, "hub.pem"), "--tls-key", os.path.join(self.tls, "hub-key.pem")]
        self.process = start(arguments, env=environment, stdout=log, stderr=subprocess.STDOUT)
        self.now = now
        for _ in range(150):
            try:
                self.open("/healthz", timeout=1).read()
                return url
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.1)
        say("FAIL  the hub did not start:\n" + open(self.log_path).read())
        raise SystemExit(1)

    def open(self, path, timeout=10):
        """GET `path` from the hub; over HTTPS trusting the district CA only."""
        return urllib.request.urlopen(f"{self.scheme}://127.0.0.1:{self.port}{path}", timeout=timeout, context=self.context)

    def poll(self):
        return self.process.poll() if self.process else 0

    def stop(self):
        stop(self.process)


class District:
    """港南区 on a hub in `directory`, with `nodes` ({code: (role, name)}) and `viewers` added at `hub_now`.
    Over HTTPS with `tls` (the district CA and the hub's certificate made in DIR/tls, the nodes pinning the
    CA) or plain HTTP. The hub serves from `start`, when each node makes its replica (DIR/CODE.sqlite)."""

    def __init__(self, gongdan, directory, tls, nodes, hub_now, start, viewers=()):
        self.gongdan = gongdan
        hub_db = os.path.join(directory, "hub.sqlite")
        run(gongdan, "hub", "init", "--district", "港南区", db=hub_db, now=hub_now)
        tokens = {code: run(gongdan, "hub", "node", "add", code, "--role", role, "--name", name,
                            db=hub_db, now=hub_now, expect_json=True)["token"] for code, (role, name) in nodes.items()}
        self.passwords = {viewer: run(gongdan, "hub", "viewer", "add", viewer, db=hub_db, now=hub_now,
                                      expect_json=True)["password"] for viewer in viewers}
        tls_dir = os.path.join(directory, "tls") if tls else None
        pin = []
        if tls:
            run(gongdan, "hub", "tls", "init", "--dir", tls_dir, "--host", "127.0.0.1", "--host", "localhost", db=hub_db)
            pin = ["--hub-ca", os.path.join(tls_dir, "ca.pem")]
        self.hub = HubServer(gongdan, hub_db, os.path.join(directory, "hub.log"), tls=tls_dir)
        self.url = self.hub.serve(now=start)
        self.start = start
        self.replicas = {code: os.path.join(directory, f"{code}.sqlite") for code in nodes}
        for code, (role, name) in nodes.items():
            self.on(code, "init", "--role", role, "--node", code, "--name", name, "--hub", self.url,
                    "--token", tokens[code], *pin)

    def on(self, node, *arguments, now=None, expect_json=False):
        """A gongdan command on `node`'s replica, by its clerk NODE-经办人, at `now` (default: `start`)."""
        return run(self.gongdan, *arguments, db=self.replicas[node], now=now or self.start, user=f"{node}-经办人",
                   expect_json=expect_json)
