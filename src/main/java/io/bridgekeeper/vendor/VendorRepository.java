package io.bridgekeeper.vendor;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface VendorRepository extends JpaRepository<Vendor, Long> {

    @Query(value = "select v.* from vendor v join vendor_partner_manager pm on pm.vendor_id = v.id "
            + "where pm.account_id = ?1 order by v.name", nativeQuery = true)
    List<Vendor> findManagedBy(long accountId);

    @Query(value = "select exists (select 1 from vendor_partner_manager where vendor_id = ?1 and account_id = ?2)",
            nativeQuery = true)
    boolean isManagedBy(long vendorId, long accountId);

    @Query(value = "select vendor_id from vendor_partner_manager where account_id = ?1 order by vendor_id", nativeQuery = true)
    List<Long> managedBy(long accountId);

    boolean existsBySlug(String slug);

    @Query("select v.status, count(v) from Vendor v group by v.status")
    List<Object[]> countByStatus();
}
