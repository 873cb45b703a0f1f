Documentation.addTranslations({
    "locale": "vi",
    "messages": {
        ", in ": ", trong ",
        "Hide Search Matches": "Ẩn kết quả tìm kiếm",
        "Preparing search...": "Đang chuẩn bị tìm kiếm...",
        "Search": "Tìm kiếm",
        "Search Results": "Kết quả tìm kiếm",
        "Search finished, found one page matching the search query.": [
            "Tìm xong: có ${resultCount} trang khớp với từ cần tìm."
        ],
        "Searching": "Đang tìm",
        "Your search did not match any documents. Please make sure that all words are spelled correctly and that you've selected enough categories.": "Không tìm thấy trang nào. Hãy kiểm tra lại chính tả của từ cần tìm; có thể gõ có dấu hoặc không dấu."
    },
    "plural_expr": "0"
});
