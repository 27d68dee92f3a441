"""Placeholder until the page is built."""

import streamlit as st

from ..i18n import tr


def render() -> None:
    st.title(tr("nav.projects"))
