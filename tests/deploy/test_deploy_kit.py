"""The deployment kit in deploy/ is what a partner's IT office copies: nginx accepts the site and
serves it as the settings expect, systemd accepts every unit, each job runs a command that
exists, and the example environment file lists every setting the code reads, no more."""

import ast
import http.client
import http.server
import os
import re
import shlex
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
SITE = DEPLOY / "nginx" / "digivillae.conf"
UNITS = DEPLOY / "systemd"
ENV_EXAMPLE = DEPLOY / "digivillae.env.example"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
SYSTEMD_ANALYZE = shutil.which("systemd-analyze") or "/usr/bin/systemd-analyze"
OPENSSL = shutil.which("openssl") or "/usr/bin/openssl"
CERTIFICATE = "/etc/letsencrypt/live/www.digivillae.eu/fullchain.pem"
KEY = "/etc/letsencrypt/live/www.digivillae.eu/privkey.pem"
# Read by the test settings or the test runner only, never by a deployment.
NOT_DEPLOYMENT_SETTINGS = {"EMAIL_FILE_PATH"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def nginx_prefix(tmp_path: Path, site: str) -> Path:
    """A throw-away nginx prefix holding ``site`` with a self-signed certificate in place of
    the real one; returns its main configuration file."""
    if not Path(NGINX).exists():
        pytest.fail("Debian's nginx is required for this test (make test installs it)")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + [
            "-subj",
            "/CN=localhost",
            "-keyout",
            tmp_path / "key.pem",
            "-out",
            tmp_path / "cert.pem",
        ],
        check=True,
        capture_output=True,
    )
    site = site.replace(CERTIFICATE, str(tmp_path / "cert.pem")).replace(
        KEY, str(tmp_path / "key.pem")
    )
    (tmp_path / "site.conf").write_text(site)
    temporary = "\n".join(
        f"    {kind}_temp_path {tmp_path / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    user = "user root;\n" if os.geteuid() == 0 else ""  # its workers read the test's folders
    conf = tmp_path / "nginx.conf"
    conf.write_text(
        f"{user}pid {tmp_path / 'nginx.pid'};\nerror_log {tmp_path / 'error.log'};\n"
        f"events {{}}\nhttp {{\n    include /etc/nginx/mime.types;\n    access_log off;\n"
        f"{temporary}\n    include {tmp_path / 'site.conf'};\n}}\n"
    )
    return conf


def nginx(conf: Path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [NGINX, "-p", str(conf.parent), "-c", str(conf), "-e", str(conf.parent / "error.log")]
        + list(arguments),
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_the_nginx_site_passes_nginx_t(tmp_path):
    result = nginx(nginx_prefix(tmp_path, SITE.read_text()), "-t")
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


def test_a_broken_site_fails_nginx_t(tmp_path):
    broken = SITE.read_text().replace("client_max_body_size 32m;", "client_max_body_size;")
    assert nginx(nginx_prefix(tmp_path, broken), "-t").returncode != 0


class Echo(http.server.BaseHTTPRequestHandler):
    """Stands in for gunicorn: answers with the headers nginx forwarded."""

    def do_GET(self):  # noqa: N802 (http.server's name)
        # Read what was sent before answering, as gunicorn does: nginx reports a connection
        # closed under an unread body as a bad gateway.
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = "\n".join(f"{name}: {value}" for name, value in self.headers.items()).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET  # noqa: N815

    def log_message(self, *args):
        pass


def fetch(url: str, data: bytes | None = None, headers: dict | None = None):
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    request = urllib.request.Request(url, data=data, headers=headers or {})  # noqa: S310
    try:
        return urllib.request.urlopen(request, context=context, timeout=10)  # noqa: S310
    except urllib.error.HTTPError as error:
        return error


def test_nginx_serves_files_and_forwards_visitors_as_the_settings_expect(tmp_path):
    files = tmp_path / "var"
    (files / "static" / "css").mkdir(parents=True)
    (files / "static" / "css" / "site.0123456789ab.css").write_text("body{}")
    (files / "static" / "css" / "site.css").write_text("body{}")
    (files / "media" / "images").mkdir(parents=True)
    (files / "media" / "images" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (files / "media" / "documents").mkdir(parents=True)
    (files / "media" / "documents" / "private.pdf").write_bytes(b"%PDF-1.4")
    app = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Echo)
    threading.Thread(target=app.serve_forever, daemon=True).start()
    https, http_port = free_port(), free_port()
    site = (
        SITE.read_text()
        .replace("root /var/lib/digivillae;", f"root {files};")
        .replace("server 127.0.0.1:8000;", f"server 127.0.0.1:{app.server_address[1]};")
        .replace("listen [::]:443 ssl http2;", "")
        .replace("listen [::]:80;", "")
        .replace("listen 443 ssl http2;", f"listen 127.0.0.1:{https} ssl http2;")
        .replace("listen 80;", f"listen 127.0.0.1:{http_port};")
    )
    conf = nginx_prefix(tmp_path, site)
    server = subprocess.Popen(
        [NGINX, "-p", str(tmp_path), "-c", str(conf), "-e", str(tmp_path / "error.log")]
        + ["-g", "daemon off;"],
        stderr=subprocess.PIPE,
    )
    base = f"https://127.0.0.1:{https}"
    try:
        for _attempt in range(50):
            try:
                socket.create_connection(("127.0.0.1", https), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        fingerprinted = fetch(f"{base}/static/css/site.0123456789ab.css")
        assert fingerprinted.status == 200
        assert "immutable" in fingerprinted.headers["Cache-Control"]
        assert "max-age=31536000" in fingerprinted.headers["Cache-Control"]
        plain = fetch(f"{base}/static/css/site.css")
        assert plain.status == 200
        assert plain.headers["Cache-Control"] == "public, max-age=3600"
        image = fetch(f"{base}/media/images/photo.jpg")
        assert image.status == 200
        assert image.headers["X-Content-Type-Options"] == "nosniff"
        assert "max-age=2592000" in image.headers["Cache-Control"]
        # Documents only through the application, which checks their collection's privacy.
        assert fetch(f"{base}/media/documents/private.pdf").status == 404
        # The application sees the visitor's address last and the scheme, whatever is forged.
        echoed = fetch(f"{base}/it/", headers={"X-Forwarded-For": "6.6.6.6"}).read().decode()
        forwarded = re.search(r"X-Forwarded-For: (.*)", echoed).group(1)
        assert forwarded.split(",")[-1].strip() == "127.0.0.1"
        assert "X-Forwarded-Proto: https" in echoed
        # Larger than any form the portal accepts: refused by nginx before the application.
        assert fetch(f"{base}/it/", data=b"x" * (33 * 1024 * 1024)).status == 413
        assert fetch(f"{base}/it/", data=b"x" * (1024 * 1024)).status == 200
        plain_http = http.client.HTTPConnection("127.0.0.1", http_port, timeout=10)
        plain_http.request("GET", "/it/", headers={"Host": "www.digivillae.eu"})
        redirect = plain_http.getresponse()
        assert redirect.status == 301
        assert redirect.getheader("Location") == "https://www.digivillae.eu/it/"
    finally:
        server.terminate()
        server.wait(timeout=10)
        app.shutdown()


def test_nginx_limits_match_the_applications_own():
    from participation.challenges.models import MAX_ATTACHMENTS

    site = SITE.read_text()
    body = int(re.search(r"client_max_body_size (\d+)m;", site).group(1)) * 1024 * 1024
    attachments = MAX_ATTACHMENTS * settings.PROPOSAL_ATTACHMENT_MAX_BYTES
    assert attachments < body <= attachments + 4 * 1024 * 1024
    gunicorn = {}
    exec((ROOT / "gunicorn.conf.py").read_text(), gunicorn)  # noqa: S102 (our own file)
    assert f"proxy_read_timeout {gunicorn['timeout']}s;" in site
    assert settings.STATIC_URL == "/static/" and "location /static/" in site


def unit_root(tmp_path: Path) -> Path:
    """A root for ``systemd-analyze verify --root``: the system's own units, ours, and the
    programs our units start, as they will be on the server."""
    root = tmp_path / "root"
    shutil.copytree("/usr/lib/systemd/system", root / "usr/lib/systemd/system", symlinks=True)
    shutil.copytree(UNITS, root / "etc/systemd/system")
    programs = set()
    for unit in UNITS.glob("*.service"):
        for line in unit.read_text().splitlines():
            if re.match(r"Exec\w+=", line):
                programs.add(line.split("=", 1)[1].split()[0].lstrip("-@+!"))
    for program in programs:
        target = root / program.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy("/bin/true", target)
    return root


def test_every_unit_passes_systemd_analyze_verify(tmp_path):
    root = unit_root(tmp_path)
    names = sorted(path.name for path in UNITS.iterdir())
    result = subprocess.run(
        [SYSTEMD_ANALYZE, "verify", f"--root={root}", *names],
        capture_output=True,
        text=True,
        timeout=120,
    )
    # A warning (an unknown key, a value systemd ignores) is a failure too.
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr


def test_a_broken_unit_fails_the_check(tmp_path):
    root = unit_root(tmp_path)
    unit = root / "etc/systemd/system/digivillae-web.service"
    unit.write_text(unit.read_text().replace("Restart=always", "Restart=sometimes"))
    result = subprocess.run(
        [SYSTEMD_ANALYZE, "verify", f"--root={root}", "digivillae-web.service"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stderr.strip()


def test_each_timer_starts_a_job_that_runs_existing_commands():
    commands = get_commands()
    timers = sorted(UNITS.glob("*.timer"))
    assert {timer.stem for timer in timers} >= {
        "digivillae-digests",
        "digivillae-newsletters",
        "digivillae-event-reminders",
        "digivillae-retention",
        "digivillae-backup",
    }
    for timer in timers:
        service = timer.with_suffix(".service").read_text()
        assert "Type=oneshot" in service
        run = re.findall(r"^ExecStart=\S+ manage.py (\S+)", service, re.MULTILINE)
        assert run, timer.name
        assert all(command in commands for command in run), run
    for name in ("digivillae-web.service", "digivillae-worker.service"):
        service = (UNITS / name).read_text()
        assert "Restart=always" in service and "User=digivillae" in service
        assert "ProtectSystem=strict" in service and "NoNewPrivileges=yes" in service
    assert "db_worker" in (UNITS / "digivillae-worker.service").read_text()


def settings_the_code_reads() -> dict[str, set[str]]:
    """Each environment variable the project's code reads, with the files that read it."""
    skip = {".venv", "node_modules", "tests", "bench", "staticfiles", "media", ".git", "deploy"}
    found: dict[str, set[str]] = {}
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if skip & set(relative.parts) or relative == Path("portal/settings/test.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            name = None
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
                function = node.func
                reads_environ = (
                    isinstance(function, ast.Attribute)
                    and function.attr in {"get", "setdefault", "pop"}
                    and isinstance(function.value, ast.Attribute)
                    and function.value.attr == "environ"
                )
                helper = isinstance(function, ast.Name) and function.id.startswith("env_")
                getenv = isinstance(function, ast.Attribute) and function.attr == "getenv"
                if reads_environ or helper or getenv:
                    name = node.args[0].value
            elif (
                isinstance(node, ast.Subscript)
                and isinstance(node.value, ast.Attribute)
                and node.value.attr == "environ"
                and isinstance(node.slice, ast.Constant)
            ):
                name = node.slice.value
            elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "startswith":
                # A family read by prefix (ANYMAIL_...): its prefix must be explained.
                if node.args and isinstance(node.args[0], ast.Constant):
                    value = node.args[0].value
                    if isinstance(value, str) and value.isupper() and value.endswith("_"):
                        name = value
            if isinstance(name, str) and name not in NOT_DEPLOYMENT_SETTINGS:
                found.setdefault(name, set()).add(str(relative))
    return found


def example_settings() -> dict[str, str]:
    """NAME → value of every line of the example file, commented out or not."""
    values = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        match = re.match(r"^#?([A-Z][A-Z0-9_]*)=(.*)$", line)
        if match:
            values[match.group(1)] = match.group(2)
    return values


def test_the_example_environment_file_lists_every_setting_the_code_reads():
    read = settings_the_code_reads()
    assert len(read) > 50  # the scan finds the settings (it would pass vacuously otherwise)
    listed = example_settings()
    text = ENV_EXAMPLE.read_text()
    missing = {
        name: files
        for name, files in read.items()
        if name not in listed and not (name.endswith("_") and name in text)
    }
    assert not missing, f"not in deploy/digivillae.env.example: {missing}"
    # And nothing the code no longer reads (a provider's ANYMAIL_ settings are examples).
    stale = {
        name
        for name in listed
        if name not in read and not name.startswith("ANYMAIL_") and name != "WEB_CONCURRENCY"
    }
    assert not stale, f"listed but read by nothing: {stale}"
    assert "WEB_CONCURRENCY" in (ROOT / "gunicorn.conf.py").read_text()


def test_the_example_file_as_given_starts_production_and_passes_check_deploy(tmp_path):
    """Its values (quoted as systemd and the shell accept them) make a server that starts:
    only the secret key is changed, since "change-me" is refused as too short."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not re.match(r"^[A-Z][A-Z0-9_]*$", key) or key in {"PATH", "HOME", "LANG"}
    }
    for line in ENV_EXAMPLE.read_text().splitlines():
        match = re.match(r"^([A-Z][A-Z0-9_]*)=(.*)$", line)
        if match:
            environment[match.group(1)] = " ".join(shlex.split(match.group(2)))
    for line in ENV_EXAMPLE.read_text().splitlines():
        # Every commented value parses the same way once uncommented.
        match = re.match(r"^#([A-Z][A-Z0-9_]*)=(.*)$", line)
        if match:
            shlex.split(match.group(2))
    environment["DJANGO_SECRET_KEY"] = "x" * 60 + "-not-a-real-secret-0123456789"
    environment["DATABASE_URL"] = os.environ.get("DATABASE_URL", "sqlite:///:memory:")
    environment["REDIS_URL"] = ""
    for folder in ("STATIC_ROOT", "MEDIA_ROOT", "PRIVATE_MEDIA_ROOT", "BACKUP_ROOT"):
        environment[folder] = str(tmp_path / folder.lower())
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert environment["DJANGO_SETTINGS_MODULE"] == "portal.settings.production"
