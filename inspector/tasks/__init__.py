"""Where work runs outside the service's event loop: the task code shared by the local process
pool and Celery workers (worker.py, inspect.py), and the two batch runners (batch_runner.py,
celery_app.py) the rescan service picks from."""
