"""PUBLISH SAFETY: what must never be published, the scan that looks for it, and the site guard."""
