"""The service layer the front ends share: the HTTP API (api/), the console (ui/) and the CLI.

`ServiceState` holds what one running service owns (settings, inspector, store, the
inspection runner, the rescan service, event delivery, metrics); `InspectionRunner` admits
and runs inspections; `RescanService` queues and drives rescans. Problems (problems.py) are
the errors the service reports, whichever front end renders them.
"""
