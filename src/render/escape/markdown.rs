//! Text from the data folder made safe for Markdown.
