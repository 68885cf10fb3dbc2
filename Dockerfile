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

# --- runtime: the virtualenv only, as an unprivileged user
FROM python:3.12-slim
RUN groupadd --system --gid 10001 inspector \
 && useradd --system --uid 10001 --gid inspector --home-dir /data --no-create-home inspector \
 && mkdir -p /data && chown inspector:inspector /data
COPY --from=build /opt/venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH \
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
