"""Mentoring programmes per cluster: programmes and partners, diagnosis, plan, logbook, evaluation.

The supervisor makes programmes and partners (they reach officers by sync); officers fill the
diagnosis, plan targets and logbook of the IKMs enrolled in their programmes.
"""
