"""The yardstick for browser timings: one slider, one small plotly chart, nothing else."""

import numpy as np
import plotly.graph_objects as go
import streamlit as st

frequency = st.slider("frequency", 1, 100, 50, key="frequency")
x = np.linspace(0, 1, 200)
st.plotly_chart(go.Figure(go.Scatter(x=x, y=np.sin(2 * np.pi * frequency * x))), key="chart")
