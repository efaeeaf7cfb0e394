"""Readers of the file formats a report arrives in, and writers of .docx exports."""
