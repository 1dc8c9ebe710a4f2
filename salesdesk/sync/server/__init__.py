"""The head-office sync service: Starlette on uvicorn, psycopg 3, PostgreSQL the one store."""
