extension Store {
    /// Store files that are symbolic links: reported by `validate`, refused by every write.
    ///
    /// A link in the store can point anywhere on the disk; appends through it would change a file
    /// outside the store, and reads through it would show that file's contents as the store's.
    func linkProblems() -> [StoreProblem] {
        var candidates = [manifestPath, catalogPath, statesListPath, lockPath, statesFolder]
        candidates += FileIO.list(statesFolder).map { statesFolder + "/" + $0 }
        return candidates.filter(SafePath.isSymbolicLink).map { file in
            StoreProblem(.error, file: file, message: "is a symbolic link; the store refuses to write through links. Replace it with a regular file or folder")
        }
    }
}
