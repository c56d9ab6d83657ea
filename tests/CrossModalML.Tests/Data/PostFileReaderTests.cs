using CrossModalML.Data;

namespace CrossModalML.Tests.Data;

[TestClass]
public sealed class PostFileReaderTests
{
    [TestMethod]
    public void Csv_quoted_fields_keep_commas_doubled_quotes_and_embedded_newlines()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("posts.csv", "id,text,label\r\n1,\"Hello, world\",a\r\n2,\"She said \"\"hi\"\"\nthen left\",b\r\n3,plain,a\r\n");

        var table = PostFileReader.Read(path, PostFileFormat.Auto, allowQuoting: null);

        CollectionAssert.AreEqual(new[] { "id", "text", "label" }, table.ColumnNames.ToArray());
        Assert.AreEqual(3, table.Rows.Count);
        Assert.AreEqual("Hello, world", table.Rows[0].Cells[1]);
        Assert.AreEqual("She said \"hi\"\nthen left", table.Rows[1].Cells[1]);
        Assert.AreEqual("plain", table.Rows[2].Cells[1]);
        CollectionAssert.AreEqual(new[] { 2, 3, 5 }, table.Rows.Select(row => row.LineNumber).ToArray(), "line numbers must count the embedded newline");
    }

    [TestMethod]
    public void Csv_unterminated_quote_names_file_and_line()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("broken.csv", "id,text\n1,ok\n2,\"never closed\n3,x\n");

        var error = Assert.ThrowsExactly<PostDataException>(() => PostFileReader.Read(path, PostFileFormat.Auto, null));

        StringAssert.Contains(error.Message, "broken.csv");
        StringAssert.Contains(error.Message, "line 3");
        StringAssert.Contains(error.Message, "never closed");
    }

    [TestMethod]
    public void Tsv_without_quoting_keeps_quotes_and_strips_bom_and_crlf()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("posts.tsv", "\uFEFFid\ttext\r\n1\t\"quoted\" and not\r\n\r\n2\tsecond\r\n");

        var table = PostFileReader.Read(path, PostFileFormat.Auto, null);

        Assert.AreEqual("id", table.ColumnNames[0], "the byte order mark must not become part of the first name");
        Assert.AreEqual("\"quoted\" and not", table.Rows[0].Cells[1]);
        Assert.AreEqual("second", table.Rows[1].Cells[1]);
        Assert.AreEqual(4, table.Rows[1].LineNumber);
    }

    [TestMethod]
    public void Tsv_row_with_wrong_field_count_names_file_line_and_counts()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("short.tsv", "id\ttext\tlabel\n1\thello\tpos\n2\tno label here\n");

        var error = Assert.ThrowsExactly<PostDataException>(() => PostFileReader.Read(path, PostFileFormat.Auto, null));

        StringAssert.Contains(error.Message, "short.tsv");
        StringAssert.Contains(error.Message, "line 3");
        StringAssert.Contains(error.Message, "has 2 fields");
        StringAssert.Contains(error.Message, "has 3 columns");
    }

    [TestMethod]
    public void Jsonl_values_become_text_and_missing_keys_become_empty()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("posts.jsonl",
            "{\"id\": 7, \"text\": \"caf\\u00e9 time\", \"likes\": 1.5e2, \"verified\": true, \"note\": null}\n\n{\"id\": 8, \"text\": \"b\", \"extra\": false}\n");

        var table = PostFileReader.Read(path, PostFileFormat.Auto, null);

        CollectionAssert.AreEqual(new[] { "id", "text", "likes", "verified", "note", "extra" }, table.ColumnNames.ToArray());
        CollectionAssert.AreEqual(new[] { "7", "café time", "1.5e2", "true", "", "" }, table.Rows[0].Cells);
        CollectionAssert.AreEqual(new[] { "8", "b", "", "", "", "false" }, table.Rows[1].Cells);
        Assert.AreEqual(3, table.Rows[1].LineNumber);
    }

    [TestMethod]
    public void Jsonl_nested_value_is_an_error_naming_line_and_key()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("nested.ndjson", "{\"id\": 1}\n{\"id\": 2, \"user\": {\"name\": \"x\"}}\n");

        var error = Assert.ThrowsExactly<PostDataException>(() => PostFileReader.Read(path, PostFileFormat.Auto, null));

        StringAssert.Contains(error.Message, "line 2");
        StringAssert.Contains(error.Message, "'user'");
    }

    [TestMethod]
    public void Header_with_duplicate_name_is_an_error()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("dup.csv", "id,text,text\n1,a,b\n");

        var error = Assert.ThrowsExactly<PostDataException>(() => PostFileReader.Read(path, PostFileFormat.Auto, null));

        StringAssert.Contains(error.Message, "'text' appears twice");
    }

    [TestMethod]
    public void Empty_file_and_missing_file_are_reported()
    {
        using var dir = new TempDirectory();
        var empty = dir.Write("empty.tsv", "\n  \n");

        var emptyError = Assert.ThrowsExactly<PostDataException>(() => PostFileReader.Read(empty, PostFileFormat.Auto, null));
        var missingError = Assert.ThrowsExactly<FileNotFoundException>(() => PostFileReader.Read(System.IO.Path.Combine(dir.Path, "nope.tsv"), PostFileFormat.Auto, null));

        StringAssert.Contains(emptyError.Message, "is empty");
        StringAssert.Contains(missingError.Message, "nope.tsv");
    }

    [TestMethod]
    public void Unknown_extension_needs_an_explicit_format()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("posts.dat", "id,text\n1,a\n");

        Assert.ThrowsExactly<PostDataException>(() => PostFileReader.Read(path, PostFileFormat.Auto, null));
        var table = PostFileReader.Read(path, PostFileFormat.Csv, null);

        Assert.AreEqual("a", table.Rows[0].Cells[1]);
    }

    [TestMethod]
    public void Chunks_hold_exactly_the_asked_number_of_rows_even_across_blank_lines()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("posts.tsv", "id\ttext\n1\ta\n\n2\tb\n\n\n3\tc\n4\td\n5\te\n\n");

        var chunks = PostFileReader.ReadChunks(path, PostFileFormat.Auto, null, chunkRows: 2).ToList();

        CollectionAssert.AreEqual(new[] { 2, 2, 1 }, chunks.Select(chunk => chunk.Rows.Count).ToArray());
        CollectionAssert.AreEqual(new[] { 2, 4, 7, 8, 9 }, chunks.SelectMany(chunk => chunk.Rows).Select(row => row.LineNumber).ToArray());
    }

    [TestMethod]
    public void Chunked_and_whole_reads_split_lines_alike()
    {
        using var dir = new TempDirectory();
        // A lone CR is not a line break, inside a quoted value or out of one.
        var path = dir.Write("posts.csv", "id,text\n1,\"one\rtwo\"\n2,three\rfour\n3,\"a\r\nb\"\n");

        var whole = PostFileReader.Read(path, PostFileFormat.Auto, null);
        var chunked = PostFileReader.ReadChunks(path, PostFileFormat.Auto, null, chunkRows: 1).SelectMany(chunk => chunk.Rows).ToList();

        CollectionAssert.AreEqual(new[] { "one\rtwo", "three\rfour", "a\nb" }, whole.Rows.Select(row => row.Cells[1]).ToArray());
        CollectionAssert.AreEqual(whole.Rows.Select(row => row.LineNumber).ToArray(), chunked.Select(row => row.LineNumber).ToArray());
        CollectionAssert.AreEqual(whole.Rows.Select(row => row.Cells[1]).ToArray(), chunked.Select(row => row.Cells[1]).ToArray());
    }

    [TestMethod]
    public void A_file_of_separators_and_white_space_is_empty()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("blank.tsv", "\t \t\n  \n\t\n");

        var error = Assert.ThrowsExactly<PostDataException>(() => PostFileReader.Read(path, PostFileFormat.Auto, null));

        StringAssert.Contains(error.Message, "is empty");
    }
}
