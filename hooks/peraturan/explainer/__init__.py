"""explainer"""
