/* Citation previews: filled in by the citation engine issue. */
