"""Chart builders: pure functions from a DataFrame to a Plotly figure, no Streamlit calls.

``base`` holds the house style and colours; one module per page family builds its figures.
"""
