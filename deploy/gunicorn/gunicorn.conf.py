"""gunicorn settings for govsite: gunicorn -c deploy/gunicorn/gunicorn.conf.py wsgi:application

gunicorn always writes a Server header; nginx in front drops it (deploy/nginx/govsite-security.conf).
"""
pythonpath = "site"
bind = "127.0.0.1:8000"  # reachable through nginx only
workers = 3
forwarded_allow_ips = "127.0.0.1"
