using System.Globalization;
using System.Net;
using System.Text;

namespace CrossModalML.Analysis.Retrieval;

/// <summary>Renders a retrieval gallery as one self-contained HTML page: each query with its text, the query post's own
/// image, and its hits as cards (thumbnail, rank, post id, cosine, text excerpt).</summary>
/// <remarks>Every text from the data (queries, post texts, ids) is HTML-encoded, so a tweet with <c>&lt;</c>, <c>&amp;</c>
/// or quotes shows as written and cannot inject markup. Thumbnails are referenced by file name, relative to the page.</remarks>
internal static class RetrievalGalleryPage
{
    /// <summary>The page's file name beside <c>report.md</c>.</summary>
    public const string FileName = "gallery.html";

    private const string Style =
        "body{font-family:system-ui,sans-serif;margin:2em;max-width:70em;color:#222}" +
        "h2{margin-top:2em;border-bottom:1px solid #ccc}" +
        "blockquote{margin:.5em 0;padding:.5em 1em;background:#f4f4f4;border-left:4px solid #999}" +
        ".hits{display:flex;flex-wrap:wrap;gap:1em}" +
        ".hit{width:12em;border:1px solid #ddd;border-radius:4px;padding:.5em;font-size:.9em}" +
        ".hit.own{border:2px solid #2a7}" +
        ".hit img,.own-image img{max-width:100%;display:block;margin-bottom:.4em}" +
        ".meta{color:#555}.missing{color:#a00}";

    public static string Render(string title, string summary, IReadOnlyList<GalleryQuery> queries)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(Encode(title)).Append("</title>\n")
            .Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append("<h1>").Append(Encode(title)).Append("</h1>\n")
            .Append("<p>").Append(Encode(summary)).Append("</p>\n");
        foreach (var query in queries)
        {
            html.Append("<section>\n<h2>").Append(Encode(query.Title)).Append("</h2>\n");
            if (query.Text is { } text)
            {
                html.Append("<blockquote>").Append(Encode(text)).Append("</blockquote>\n");
            }

            if (query.OwnThumbnail is { } own)
            {
                html.Append("<div class=\"own-image\"><p class=\"meta\">Its own image:</p><img src=\"").Append(Encode(own)).Append("\" alt=\"own image of the query post\"></div>\n");
            }

            html.Append("<div class=\"hits\">\n");
            foreach (var hit in query.Hits)
            {
                html.Append("<div class=\"hit").Append(hit.IsOwnImage ? " own" : string.Empty).Append("\">");
                html.Append(hit.Thumbnail is { } thumbnail
                    ? $"<img src=\"{Encode(thumbnail)}\" alt=\"image of post {Encode(hit.Id)}\">"
                    : "<p class=\"missing\">(image missing)</p>");
                html.Append("<div class=\"meta\">#").Append(hit.Rank.ToString(CultureInfo.InvariantCulture))
                    .Append(hit.IsOwnImage ? " (own image)" : string.Empty)
                    .Append(" · post ").Append(Encode(hit.Id))
                    .Append(" · cosine ").Append(hit.Score.ToString("0.000", CultureInfo.InvariantCulture)).Append("</div>");
                html.Append("<div>").Append(Encode(hit.Text)).Append("</div></div>\n");
            }

            html.Append("</div>\n</section>\n");
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
