# The hosted LossViz demo: a slim Python image, CPU-only torch, a non-root user.
FROM python:3.11-slim

# torch==2.13.0 from PyPI alone is a CUDA build of several GB; PyTorch's CPU index serves
# 2.13.0+cpu, which satisfies the same pin and which pip takes as the higher version.
ARG TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN useradd --create-home --uid 10001 lossviz
WORKDIR /app

COPY requirements.txt ./
RUN pip install --extra-index-url "${TORCH_INDEX_URL}" -r requirements.txt

COPY --chown=lossviz:lossviz app.py ./
COPY --chown=lossviz:lossviz .streamlit ./.streamlit
COPY --chown=lossviz:lossviz lossviz ./lossviz
COPY --chown=lossviz:lossviz static ./static

USER 10001
EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4)"]
CMD ["streamlit", "run", "app.py", "--server.port=8501", "--server.address=0.0.0.0"]
