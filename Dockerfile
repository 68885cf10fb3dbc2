# Payload Inspector service image: `docker build -t payload-inspector .`
#   docker run -p 8080:8080 -v inspector-data:/data payload-inspector
# The first start prints an admin API key once (docker logs); see docs/deploy.md.

# --- build: install the package (and its compiled dependencies) into a virtualenv
FROM python:3.12-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pyproject.toml README.md ./
COPY inspector ./inspector
COPY signatures ./signatures
RUN python -m venv /opt/venv \
 && /opt/venv/bin/pip install --no-cache-dir --upgrade pip \
 && /opt/venv/bin/pip install --no-cache-dir .

# --- SigmaHQ community rules, pinned: the archive must hash to SIGMA_SHA256 or the build fails.
# The default is the SigmaHQ commit the detection figures in docs/detection.md were measured on;
# to pin another release: `curl -sL URL | sha256sum`, then --build-arg SIGMA_URL=... SIGMA_SHA256=...
# The rules keep their DRL 1.1 licence (attribution is carried by every Sigma finding).
ARG SIGMA_URL=https://github.com/SigmaHQ/sigma/archive/8eaafff1f2845a696050e05e72ba1140ee190698.zip
ARG SIGMA_SHA256=
COPY scripts/fetch_sigma_release.py ./scripts/
RUN /opt/venv/bin/python scripts/fetch_sigma_release.py "$SIGMA_URL" "$SIGMA_SHA256" /opt/sigma

# --- runtime: the virtualenv only, as an unprivileged user
FROM python:3.12-slim
RUN groupadd --system --gid 10001 inspector \
 && useradd --system --uid 10001 --gid inspector --home-dir /data --no-create-home inspector \
 && mkdir -p /data && chown inspector:inspector /data
COPY --from=build /opt/venv /opt/venv
COPY --from=build /opt/sigma /opt/sigma
ENV PATH=/opt/venv/bin:$PATH \
    INSPECTOR_SIGMA_DIRS=/opt/sigma/rules:/opt/sigma/rules-emerging-threats:/opt/sigma/rules-threat-hunting \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    INSPECTOR_DATA_DIR=/data \
    INSPECTOR_PORT=8080
USER inspector:inspector
WORKDIR /data
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=40s --retries=3 \
  CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('INSPECTOR_PORT', '8080'), timeout=2)"
# SIGTERM starts a graceful shutdown (in-flight inspections get INSPECTOR_API_SHUTDOWN_GRACE_S).
STOPSIGNAL SIGTERM
ENTRYPOINT ["inspector"]
CMD ["serve", "--host", "0.0.0.0"]
