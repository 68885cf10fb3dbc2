"""Task code shared by the local process pool and Celery workers (inspector/tasks/worker.py)."""
