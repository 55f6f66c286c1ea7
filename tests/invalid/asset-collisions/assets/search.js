// not the search script
