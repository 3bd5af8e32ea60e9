# The atlas as a container: docker build -t stalin-era-atlas . && docker run -p 8501:8501 stalin-era-atlas
# then open http://localhost:8501.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# The dependencies first, read from pyproject.toml (where they are listed once), so that a
# change to the code or the data does not reinstall them.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/dependencies.txt \
    && pip install -r /tmp/dependencies.txt \
    && rm /tmp/dependencies.txt

# The repository; then the project itself, editable, so that `dashboard` is imported from
# /app/dashboard and finds ../geodata and its static folder there.
COPY . .
RUN pip install --no-deps -e . \
    && useradd --create-home --uid 10001 atlas \
    && mkdir -p dashboard/static dashboard/.published \
    && chown -R atlas:atlas dashboard/static dashboard/.published

# The app writes the map's files into dashboard/static/ at start, and which of them it serves
# into dashboard/.published/ (so that replicas sharing the folder keep each other's files);
# nothing else is writable.
USER atlas

EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4)"]

# Run from /app, the repository root, so that .streamlit/config.toml applies.
CMD ["streamlit", "run", "dashboard/app.py", "--server.address=0.0.0.0"]
