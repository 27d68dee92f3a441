"""SEI investment dashboard: store, import, queries, charts and the Streamlit app."""
