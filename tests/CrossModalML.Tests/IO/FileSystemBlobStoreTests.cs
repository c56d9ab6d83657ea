using CrossModalML.IO;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.IO;

/// <summary>A folder served by key: keys read inside it, and no key reads outside it.</summary>
[TestClass]
public sealed class FileSystemBlobStoreTests
{
    [TestMethod]
    public void A_key_reads_the_file_at_that_path_under_the_root()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("images"));
        File.WriteAllText(temp.File("images/a.txt"), "hello");
        File.WriteAllText(temp.File("posts.tsv"), "id");
        var store = new FileSystemBlobStore(temp.Path);

        using (var reader = new StreamReader(store.OpenRead("images/a.txt")))
        {
            Assert.AreEqual("hello", reader.ReadToEnd());
        }

        Assert.AreEqual(5, store.Length("images/a.txt"));
        Assert.IsTrue(store.Exists("posts.tsv"));
        Assert.IsFalse(store.Exists("images/b.txt"));
        CollectionAssert.AreEqual(new[] { "images/a.txt", "posts.tsv" }, store.List("").ToList());
        CollectionAssert.AreEqual(new[] { "images/a.txt" }, store.List("images/").ToList());
        Assert.ThrowsExactly<FileNotFoundException>(() => store.OpenRead("images/b.txt"));
    }

    [TestMethod]
    [DataRow("../secret.txt")]
    [DataRow("images/../../secret.txt")]
    [DataRow("images/../..")]
    public void A_key_that_climbs_out_of_the_root_is_refused(string key)
    {
        using var temp = new TempDirectory();
        var (root, _) = RootBesideASecret(temp);
        var store = new FileSystemBlobStore(root);

        var error = Assert.ThrowsExactly<UnauthorizedAccessException>(() => store.OpenRead(key));

        StringAssert.Contains(error.Message, "climbs out of the data root");
        Assert.ThrowsExactly<UnauthorizedAccessException>(() => store.Exists(key));
    }

    [TestMethod]
    public void An_absolute_key_is_refused_even_when_it_names_a_file_inside_the_root()
    {
        using var temp = new TempDirectory();
        var (root, secret) = RootBesideASecret(temp);
        File.WriteAllText(Path.Combine(root, "inside.txt"), "in");
        var store = new FileSystemBlobStore(root);

        StringAssert.Contains(Assert.ThrowsExactly<UnauthorizedAccessException>(() => store.OpenRead(secret)).Message, "is absolute");
        Assert.ThrowsExactly<UnauthorizedAccessException>(() => store.LocalPath(Path.Combine(root, "inside.txt")));
    }

    [TestMethod]
    public void A_symbolic_link_out_of_the_root_is_refused_and_one_inside_it_is_followed()
    {
        using var temp = new TempDirectory();
        var (root, secret) = RootBesideASecret(temp);
        Directory.CreateDirectory(Path.Combine(root, "real"));
        File.WriteAllText(Path.Combine(root, "real", "ok.txt"), "ok");
        Directory.CreateSymbolicLink(Path.Combine(root, "out"), Path.GetDirectoryName(secret)!);
        File.CreateSymbolicLink(Path.Combine(root, "secret-link.txt"), secret);
        Directory.CreateSymbolicLink(Path.Combine(root, "alias"), Path.Combine(root, "real"));
        var store = new FileSystemBlobStore(root);

        StringAssert.Contains(Assert.ThrowsExactly<UnauthorizedAccessException>(() => store.OpenRead("out/secret.txt")).Message, "symbolic link");
        Assert.ThrowsExactly<UnauthorizedAccessException>(() => store.OpenRead("secret-link.txt"));
        Assert.AreEqual(2, store.Length("alias/ok.txt"));
        Assert.IsFalse(store.List("").Any(key => key.Contains("secret", StringComparison.Ordinal)), string.Join(", ", store.List("")));
    }

    [TestMethod]
    public void A_reference_with_an_unregistered_scheme_fails_naming_the_scheme()
    {
        var error = Assert.ThrowsExactly<NotSupportedException>(() => BlobReference.ToLocalPath("s3x:bucket/images/1.jpg"));

        StringAssert.Contains(error.Message, "'s3x:'");
        StringAssert.Contains(error.Message, "BlobStores.Register");
    }

    [TestMethod]
    public void Paths_under_the_data_root_travel_as_keys_and_resolve_under_the_workers_root()
    {
        using var client = new TempDirectory();
        using var worker = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(worker.Path, "images"));
        File.WriteAllText(Path.Combine(worker.Path, "images", "1.png"), "x");
        var toWorker = BlobReference.ForWorker(client.Path);
        BlobStores.Register(BlobStores.DataRootScheme, new FileSystemBlobStore(worker.Path));
        try
        {
            var key = toWorker(Path.Combine(client.Path, "images", "1.png"));

            Assert.AreEqual("data:images/1.png", key);
            Assert.AreEqual(Path.Combine(new FileSystemBlobStore(worker.Path).Root, "images", "1.png"), BlobReference.ToLocalPath(key));
            Assert.AreEqual("/elsewhere/2.png", toWorker("/elsewhere/2.png"), "a path outside the data root is sent as it is");
            Assert.AreEqual(string.Empty, toWorker(string.Empty));
            Assert.AreEqual("/elsewhere/2.png", BlobReference.ForWorker(null)("/elsewhere/2.png"));
            Assert.AreEqual(new FileSystemBlobStore(worker.Path).Root, BlobReference.ToLocalPath(toWorker(client.Path + Path.DirectorySeparatorChar)));
        }
        finally
        {
            BlobStores.Unregister(BlobStores.DataRootScheme);
        }
    }

    [TestMethod]
    public void A_store_that_is_not_a_file_system_is_read_through_a_local_copy()
    {
        var store = new MemoryStore(new Dictionary<string, byte[]> { ["images/1.png"] = [1, 2, 3] });
        BlobStores.Register("memtest", store);
        try
        {
            var local = BlobReference.ToLocalPath("memtest:images/1.png");

            CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, File.ReadAllBytes(local));
            Assert.AreEqual(".png", Path.GetExtension(local));
        }
        finally
        {
            BlobStores.Unregister("memtest");
        }
    }

    [TestMethod]
    [DataRow("c")]
    [DataRow("file")]
    [DataRow("https")]
    [DataRow("1x")]
    public void A_scheme_that_already_means_something_cannot_name_a_store(string scheme) =>
        Assert.ThrowsExactly<ArgumentException>(() => BlobStores.Register(scheme, new MemoryStore([])));

    /// <summary>A root folder, and beside it a folder holding secret.txt.</summary>
    private static (string Root, string Secret) RootBesideASecret(TempDirectory temp)
    {
        var root = Directory.CreateDirectory(temp.File("root")).FullName;
        Directory.CreateDirectory(Path.Combine(root, "images"));
        var secret = Path.Combine(Directory.CreateDirectory(temp.File("outside")).FullName, "secret.txt");
        File.WriteAllText(secret, "secret");
        File.WriteAllText(temp.File("secret.txt"), "secret");
        return (root, secret);
    }

    /// <summary>An object store in memory, as an S3 or Azure one would be: no local paths.</summary>
    private sealed class MemoryStore(Dictionary<string, byte[]> blobs) : IBlobStore
    {
        public Stream OpenRead(string key) => new MemoryStream(blobs.TryGetValue(key, out var bytes) ? bytes : throw new FileNotFoundException(key));

        public bool Exists(string key) => blobs.ContainsKey(key);

        public long Length(string key) => blobs[key].Length;

        public IEnumerable<string> List(string prefix) => blobs.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal);

        public string? LocalPath(string key) => null;
    }
}
